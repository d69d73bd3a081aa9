// Package grpcclient opens the connections services use to call each
// other over gRPC: plaintext inside the cluster, a default deadline per
// call, the request id forwarded, retries of idempotent failures, and
// status errors turned back into apperr errors.
package grpcclient

import (
	"context"
	"fmt"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/requestid"
	"example.com/shop/internal/platform/telemetry"
)

// retryPolicy retries calls that failed before reaching a server.
const retryPolicy = `{
  "loadBalancingConfig": [{"round_robin": {}}],
  "methodConfig": [{
    "name": [{}],
    "retryPolicy": {
      "maxAttempts": 3,
      "initialBackoff": "0.1s",
      "maxBackoff": "1s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
}`

// Dial returns a client connection to the upstream; connecting is lazy.
func Dial(up config.Upstream) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultServiceConfig(retryPolicy),
		grpc.WithChainUnaryInterceptor(deadlineUnary(up.Timeout), requestIDUnary(), errorsUnary()),
	}
	conn, err := grpc.NewClient(up.Target, append(opts, telemetry.DialOptions()...)...)
	if err != nil {
		return nil, fmt.Errorf("grpc client for %s: %w", up.Target, err)
	}
	return conn, nil
}

func deadlineUnary(timeout time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if _, ok := ctx.Deadline(); !ok && timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

func requestIDUnary() grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if id := requestid.From(ctx); id != "" {
			ctx = metadata.AppendToOutgoingContext(ctx, requestid.Header, id)
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

func errorsUnary() grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		return FromStatus(invoker(ctx, method, req, reply, cc, opts...))
	}
}

// FromStatus turns a gRPC status error into an apperr error with the same
// meaning; other errors are returned as they are.
func FromStatus(err error) error {
	st, ok := status.FromError(err)
	if err == nil || !ok {
		return err
	}
	e := &apperr.Error{Kind: kind(st.Code()), Message: st.Message(), Err: err}
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				e.Fields = append(e.Fields, apperr.FieldViolation{Field: v.GetField(), Description: v.GetDescription()})
			}
		}
	}
	return e
}

func kind(c codes.Code) apperr.Kind {
	switch c {
	case codes.InvalidArgument, codes.OutOfRange:
		return apperr.InvalidArgument
	case codes.NotFound:
		return apperr.NotFound
	case codes.AlreadyExists:
		return apperr.AlreadyExists
	case codes.FailedPrecondition:
		return apperr.FailedPrecondition
	case codes.Aborted:
		return apperr.Aborted
	case codes.Unavailable, codes.DeadlineExceeded, codes.ResourceExhausted:
		return apperr.Unavailable
	default:
		return apperr.Internal
	}
}
