// Command forgetful is a web service that forgets to pass its context
// along: its handler queries with db.Query, calls with http.Get and with
// http.NewRequest and Do, makes a gRPC call with context.Background(),
// calls a //gorch:span function that takes no context, and hands work to
// a goroutine it starts and to a worker started before any request. Its
// gRPC server queries without a context too. One query passes a context
// of its own. It has no tracing code but that one span of its own.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sync"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"
	_ "modernc.org/sqlite"
)

var (
	db      *sql.DB
	status  healthpb.HealthClient
	rpcConn *grpc.ClientConn
	leaf    string
	jobs    = make(chan chan int)
)

func main() {
	listen := os.Getenv("LISTEN")
	l, err := net.Listen("tcp", listen)
	if err != nil {
		log.Fatal(err)
	}
	handler, err := setup(listen, os.Getenv("RPC"))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.Serve(l, handler))
}

// setup opens the database, starts the worker and the gRPC server, and
// returns the service's handler, which serves at listen.
func setup(listen, rpc string) (http.Handler, error) {
	leaf = "http://" + listen + "/leaf"
	var err error
	if db, err = sql.Open("sqlite", "file:items?mode=memory&cache=shared"); err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
		return nil, err
	}
	if _, err := db.Exec("INSERT INTO items (name) VALUES ('bolt'), ('nut'), ('washer')"); err != nil {
		return nil, err
	}

	// The worker, started before any request.
	go func() {
		for done := range jobs {
			done <- one("SELECT sum(id) FROM items")
		}
	}()

	checks := health.NewServer()
	checks.SetServingStatus("items", healthpb.HealthCheckResponse_SERVING)
	server := grpc.NewServer(grpc.UnknownServiceHandler(names))
	healthpb.RegisterHealthServer(server, checks)
	l, err := net.Listen("tcp", rpc)
	if err != nil {
		return nil, err
	}
	go server.Serve(l)
	conn, err := grpc.NewClient(l.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	status, rpcConn = healthpb.NewHealthClient(conn), conn

	mux := http.NewServeMux()
	mux.HandleFunc("/work", work)
	mux.HandleFunc("/leaf", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "leaf %s", r.URL.Query().Get("via"))
	})
	return mux, nil
}

func work(w http.ResponseWriter, r *http.Request) {
	count := one("SELECT count(*) FROM items")

	resp, err := http.Get(leaf + "?via=get")
	if err != nil {
		http.Error(w, err.Error(), 502)
		return
	}
	got := body(resp)
	req, _ := http.NewRequest("GET", leaf+"?via=do", nil)
	if resp, err = http.DefaultClient.Do(req); err != nil {
		http.Error(w, err.Error(), 502)
		return
	}
	did := body(resp)

	check, err := status.Check(context.Background(), &healthpb.HealthCheckRequest{Service: "items"})
	if err != nil {
		http.Error(w, err.Error(), 502)
		return
	}
	named := new(wrapperspb.Int64Value)
	if err := rpcConn.Invoke(context.Background(), "/forgetful.Items/Names", new(emptypb.Empty), named); err != nil {
		http.Error(w, err.Error(), 502)
		return
	}

	top := price()

	var wg sync.WaitGroup
	var least int
	wg.Add(1)
	go func() {
		defer wg.Done()
		least = one("SELECT min(id) FROM items")
	}()
	wg.Wait()

	done := make(chan int)
	jobs <- done
	sum := <-done

	ctx, span := otel.Tracer("forgetful").Start(context.Background(), "detached")
	var mean float64
	db.QueryRowContext(ctx, "SELECT avg(id) FROM items").Scan(&mean)
	span.End()

	fmt.Fprintf(w, "%d items, %s, %s, %s, %d names, top %d, least %d, sum %d, mean %.1f\n",
		count, got, did, check.Status, named.Value, top, least, sum, mean)
}

// names serves /forgetful.Items/Names, a service the gRPC server does not
// know otherwise: the number of named items, queried without a context.
func names(_ any, stream grpc.ServerStream) error {
	if err := stream.RecvMsg(new(emptypb.Empty)); err != nil {
		return err
	}
	return stream.SendMsg(wrapperspb.Int64(int64(one("SELECT count(name) FROM items"))))
}

//gorch:span
func price() int {
	return one("SELECT max(id) FROM items")
}

// one runs a query that returns one number, without a context.
func one(query string) int {
	rows, err := db.Query(query)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		rows.Scan(&n)
	}
	return n
}

func body(resp *http.Response) string {
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
