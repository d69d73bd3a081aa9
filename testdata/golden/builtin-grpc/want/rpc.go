//line rpc.go:1:1
package rpc

/*line gorch/aspects/grpc/grpc.yaml:139:16*/import __gorch_otelgrpc "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"

/*line gorch/aspects/grpc/grpc.yaml:139:16*/import __gorch_grpc "google.golang.org/grpc"/*line rpc.go:1:12*/

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func Server(opts ...grpc.ServerOption) *grpc.Server {
	return grpc.NewServer(append(append([]__gorch_grpc.ServerOption(nil), /*line rpc.go:9:24*/opts...), /*line gorch/aspects/grpc/grpc.yaml:139:16*/__gorch_grpc.StatsHandler(__gorch_otel_grpc_handler{Handler: __gorch_otelgrpc.NewServerHandler()})).../*line rpc.go:9:31*/)
}

func Client(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()), /*line gorch/aspects/grpc/grpc.yaml:157:16*/__gorch_grpc.WithStatsHandler(__gorch_otel_grpc_handler{Handler: __gorch_otelgrpc.NewClientHandler(), client: true})/*line rpc.go:13:88*/)
}
