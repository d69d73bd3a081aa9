package grpcserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/requestid"
)

func recoverUnary(logger *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		defer func() {
			if p := recover(); p != nil {
				logger.ErrorContext(ctx, "panic serving call",
					slog.String("method", info.FullMethod),
					slog.String("panic", fmt.Sprint(p)),
					slog.String("stack", string(debug.Stack())))
				err = status.Error(codes.Internal, "internal error")
			}
		}()
		return handler(ctx, req)
	}
}

// requestIDUnary takes the caller's request id from the metadata.
func requestIDUnary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		var id string
		if md, ok := metadata.FromIncomingContext(ctx); ok {
			if v := md.Get(requestid.Header); len(v) > 0 {
				id = v[0]
			}
		}
		return handler(requestid.With(ctx, requestid.Sanitize(id)), req)
	}
}

func logUnary(logger *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		ctx = logging.With(ctx, slog.String("method", info.FullMethod))
		resp, err := handler(ctx, req)
		level := slog.LevelDebug
		kind := apperr.KindOf(err)
		if err != nil {
			level = slog.LevelWarn
			if kind == apperr.Internal || kind == apperr.Unavailable {
				level = slog.LevelError
			}
		}
		attrs := []slog.Attr{slog.String("method", info.FullMethod), slog.Duration("took", time.Since(start))}
		if err != nil {
			attrs = append(attrs, slog.String("kind", kind.String()), logging.Err(err))
		}
		logger.LogAttrs(ctx, level, "call", attrs...)
		return resp, err
	}
}

// errorsUnary turns the handlers' errors into gRPC statuses.
func errorsUnary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		resp, err := handler(ctx, req)
		if err != nil {
			return nil, ToStatus(err)
		}
		return resp, nil
	}
}

// ToStatus maps err to a gRPC status error: the kind to a code, the public
// message to the status message, field violations to a BadRequest detail.
func ToStatus(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	switch {
	case errors.Is(err, context.Canceled):
		return status.Error(codes.Canceled, "canceled")
	case errors.Is(err, context.DeadlineExceeded):
		return status.Error(codes.DeadlineExceeded, "deadline exceeded")
	}
	st := status.New(Code(apperr.KindOf(err)), apperr.Message(err))
	if fields := apperr.Fields(err); len(fields) > 0 {
		br := &errdetails.BadRequest{}
		for _, f := range fields {
			br.FieldViolations = append(br.FieldViolations, &errdetails.BadRequest_FieldViolation{
				Field:       f.Field,
				Description: f.Description,
			})
		}
		if detailed, derr := st.WithDetails(br); derr == nil {
			st = detailed
		}
	}
	return st.Err()
}

// Code maps an error kind to a gRPC code.
func Code(kind apperr.Kind) codes.Code {
	switch kind {
	case apperr.InvalidArgument:
		return codes.InvalidArgument
	case apperr.NotFound:
		return codes.NotFound
	case apperr.AlreadyExists:
		return codes.AlreadyExists
	case apperr.FailedPrecondition, apperr.PaymentDeclined:
		return codes.FailedPrecondition
	case apperr.Aborted:
		return codes.Aborted
	case apperr.Unavailable:
		return codes.Unavailable
	default:
		return codes.Internal
	}
}
