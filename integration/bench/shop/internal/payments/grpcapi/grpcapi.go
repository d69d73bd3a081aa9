// Package grpcapi serves payments over gRPC (shop.payments.v1).
package grpcapi

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/timestamppb"

	paymentsv1 "example.com/shop/api/paymentsv1"
	"example.com/shop/internal/payments/service"
	"example.com/shop/internal/payments/store"
	"example.com/shop/internal/platform/money"
)

// Server implements paymentsv1.PaymentsServiceServer.
type Server struct {
	paymentsv1.UnimplementedPaymentsServiceServer
	svc *service.Service
}

// Register adds the payments service to s.
func Register(s grpc.ServiceRegistrar, svc *service.Service) {
	paymentsv1.RegisterPaymentsServiceServer(s, &Server{svc: svc})
}

func (s *Server) AuthorizePayment(ctx context.Context, req *paymentsv1.AuthorizePaymentRequest) (*paymentsv1.Payment, error) {
	p, err := s.svc.Authorize(ctx, service.AuthorizeParams{
		OrderID:        req.GetOrderId(),
		Amount:         money.Amount{Minor: req.GetAmountMinor(), Currency: req.GetCurrency()},
		CardToken:      req.GetCardToken(),
		IdempotencyKey: req.GetIdempotencyKey(),
	})
	return toProto(p, err)
}

func (s *Server) CapturePayment(ctx context.Context, req *paymentsv1.CapturePaymentRequest) (*paymentsv1.Payment, error) {
	return toProto(s.svc.Capture(ctx, req.GetPaymentId()))
}

func (s *Server) VoidPayment(ctx context.Context, req *paymentsv1.VoidPaymentRequest) (*paymentsv1.Payment, error) {
	return toProto(s.svc.Void(ctx, req.GetPaymentId()))
}

func (s *Server) RefundPayment(ctx context.Context, req *paymentsv1.RefundPaymentRequest) (*paymentsv1.Payment, error) {
	return toProto(s.svc.Refund(ctx, req.GetPaymentId(), req.GetAmountMinor(), req.GetReason()))
}

func (s *Server) GetPayment(ctx context.Context, req *paymentsv1.GetPaymentRequest) (*paymentsv1.Payment, error) {
	return toProto(s.svc.Get(ctx, req.GetPaymentId()))
}

var statuses = map[store.Status]paymentsv1.PaymentStatus{
	store.Authorized:        paymentsv1.PaymentStatus_PAYMENT_STATUS_AUTHORIZED,
	store.Declined:          paymentsv1.PaymentStatus_PAYMENT_STATUS_DECLINED,
	store.Captured:          paymentsv1.PaymentStatus_PAYMENT_STATUS_CAPTURED,
	store.Voided:            paymentsv1.PaymentStatus_PAYMENT_STATUS_VOIDED,
	store.Refunded:          paymentsv1.PaymentStatus_PAYMENT_STATUS_REFUNDED,
	store.PartiallyRefunded: paymentsv1.PaymentStatus_PAYMENT_STATUS_PARTIALLY_REFUNDED,
}

func toProto(p store.Payment, err error) (*paymentsv1.Payment, error) {
	if err != nil {
		return nil, err
	}
	return &paymentsv1.Payment{
		Id:            p.ID,
		OrderId:       p.OrderID,
		Status:        statuses[p.Status],
		AmountMinor:   p.Amount.Minor,
		Currency:      p.Amount.Currency,
		RefundedMinor: p.RefundedMinor,
		DeclineReason: p.DeclineReason,
		CardLast4:     p.CardLast4,
		CreatedAt:     timestamppb.New(p.CreatedAt),
		UpdatedAt:     timestamppb.New(p.UpdatedAt),
	}, nil
}
