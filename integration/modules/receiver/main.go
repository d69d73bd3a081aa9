// Command receiver is the OTLP trace receiver of gorch's end-to-end tests.
// It serves the OTLP/gRPC trace service and OTLP/HTTP with protobuf
// (POST /v1/traces; metrics and logs are accepted and dropped), decodes
// requests with the official OTLP protobuf definitions
// (go.opentelemetry.io/proto/otlp), and writes one line per span to its
// output file:
//
//	service <TAB> trace id <TAB> span id <TAB> parent span id <TAB> kind <TAB> name <TAB> status <TAB> attributes
//
// where attributes are key=value pairs separated by ";", sorted by key.
// On start it prints "listening ADDRESS" (gRPC) and "listening-http
// ADDRESS" on standard output.
package main

import (
	"compress/gzip"
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"

	collectortrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	common "go.opentelemetry.io/proto/otlp/common/v1"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
)

type receiver struct {
	collectortrace.UnimplementedTraceServiceServer
	mu      sync.Mutex
	out     *os.File
	regular bool
}

func (r *receiver) Export(_ context.Context, req *collectortrace.ExportTraceServiceRequest) (*collectortrace.ExportTraceServiceResponse, error) {
	var lines []string
	for _, rs := range req.GetResourceSpans() {
		service := "?"
		for _, kv := range rs.GetResource().GetAttributes() {
			if kv.GetKey() == "service.name" {
				service = value(kv.GetValue())
			}
		}
		for _, ss := range rs.GetScopeSpans() {
			for _, span := range ss.GetSpans() {
				var attrs []string
				for _, kv := range span.GetAttributes() {
					attrs = append(attrs, kv.GetKey()+"="+value(kv.GetValue()))
				}
				sort.Strings(attrs)
				lines = append(lines, strings.Join([]string{
					service,
					hex.EncodeToString(span.GetTraceId()),
					hex.EncodeToString(span.GetSpanId()),
					hex.EncodeToString(span.GetParentSpanId()),
					strings.TrimPrefix(span.GetKind().String(), "SPAN_KIND_"),
					span.GetName(),
					strings.TrimPrefix(span.GetStatus().GetCode().String(), "STATUS_CODE_"),
					strings.Join(attrs, ";"),
				}, "\t"))
			}
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, line := range lines {
		if _, err := fmt.Fprintln(r.out, line); err != nil {
			return nil, err
		}
	}
	if !r.regular {
		return &collectortrace.ExportTraceServiceResponse{}, nil
	}
	return &collectortrace.ExportTraceServiceResponse{}, r.out.Sync()
}

func value(v *common.AnyValue) string {
	switch x := v.GetValue().(type) {
	case *common.AnyValue_StringValue:
		return x.StringValue
	case *common.AnyValue_IntValue:
		return fmt.Sprint(x.IntValue)
	case *common.AnyValue_BoolValue:
		return fmt.Sprint(x.BoolValue)
	case *common.AnyValue_DoubleValue:
		return fmt.Sprint(x.DoubleValue)
	default:
		return fmt.Sprint(v)
	}
}

// ServeHTTP serves OTLP/HTTP with protobuf: spans are written like those
// received over gRPC; metrics and logs are accepted and dropped.
func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var body io.Reader = req.Body
	if req.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(req.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = gz
	}
	data, err := io.ReadAll(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var response proto.Message = &collectortrace.ExportTraceServiceResponse{}
	if req.URL.Path == "/v1/traces" {
		var export collectortrace.ExportTraceServiceRequest
		if err := proto.Unmarshal(data, &export); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if response, err = r.Export(req.Context(), &export); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	out, err := proto.Marshal(response)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-protobuf")
	w.Write(out)
}

func main() {
	addr := flag.String("listen", "127.0.0.1:0", "address to serve OTLP/gRPC on")
	httpAddr := flag.String("listen-http", "127.0.0.1:0", "address to serve OTLP/HTTP on")
	output := flag.String("out", "spans.tsv", "file to write spans to")
	flag.Parse()

	out, err := os.Create(*output)
	if err != nil {
		log.Fatal(err)
	}
	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	httpLis, err := net.Listen("tcp", *httpAddr)
	if err != nil {
		log.Fatal(err)
	}
	info, err := out.Stat()
	if err != nil {
		log.Fatal(err)
	}
	// A regular file is synced after each export; /dev/null is not.
	rec := &receiver{out: out, regular: info.Mode().IsRegular()}
	server := grpc.NewServer()
	collectortrace.RegisterTraceServiceServer(server, rec)
	fmt.Println("listening", lis.Addr())
	fmt.Println("listening-http", httpLis.Addr())
	go http.Serve(httpLis, rec)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		server.GracefulStop()
	}()
	if err := server.Serve(lis); err != nil {
		log.Fatal(err)
	}
}
