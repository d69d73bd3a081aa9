// Package grpcapi serves the inventory over gRPC (shop.inventory.v1).
package grpcapi

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/timestamppb"

	inventoryv1 "example.com/shop/api/inventoryv1"
	"example.com/shop/internal/inventory/service"
	"example.com/shop/internal/inventory/store"
)

// Server implements inventoryv1.InventoryServiceServer.
type Server struct {
	inventoryv1.UnimplementedInventoryServiceServer
	svc *service.Service
}

// Register adds the inventory service to s.
func Register(s grpc.ServiceRegistrar, svc *service.Service) {
	inventoryv1.RegisterInventoryServiceServer(s, &Server{svc: svc})
}

func (s *Server) GetStock(ctx context.Context, req *inventoryv1.GetStockRequest) (*inventoryv1.Stock, error) {
	stock, err := s.svc.Stock(ctx, []string{req.GetSku()})
	if err != nil {
		return nil, err
	}
	return stockToProto(stock[0]), nil
}

func (s *Server) BatchGetStock(ctx context.Context, req *inventoryv1.BatchGetStockRequest) (*inventoryv1.BatchGetStockResponse, error) {
	stock, err := s.svc.Stock(ctx, req.GetSkus())
	if err != nil {
		return nil, err
	}
	resp := &inventoryv1.BatchGetStockResponse{Stock: make([]*inventoryv1.Stock, len(stock))}
	for i, st := range stock {
		resp.Stock[i] = stockToProto(st)
	}
	return resp, nil
}

func (s *Server) AdjustStock(ctx context.Context, req *inventoryv1.AdjustStockRequest) (*inventoryv1.Stock, error) {
	st, err := s.svc.Adjust(ctx, req.GetSku(), int(req.GetDelta()), req.GetReason())
	if err != nil {
		return nil, err
	}
	return stockToProto(st), nil
}

func (s *Server) ReserveStock(ctx context.Context, req *inventoryv1.ReserveStockRequest) (*inventoryv1.Reservation, error) {
	lines := make([]store.Line, len(req.GetLines()))
	for i, l := range req.GetLines() {
		lines[i] = store.Line{SKU: l.GetSku(), Quantity: int(l.GetQuantity())}
	}
	ttl := time.Duration(req.GetTtlSeconds()) * time.Second
	r, err := s.svc.Reserve(ctx, req.GetOrderId(), lines, ttl)
	if err != nil {
		return nil, err
	}
	return reservationToProto(r), nil
}

func (s *Server) CommitReservation(ctx context.Context, req *inventoryv1.CommitReservationRequest) (*inventoryv1.Reservation, error) {
	r, err := s.svc.Commit(ctx, req.GetReservationId())
	if err != nil {
		return nil, err
	}
	return reservationToProto(r), nil
}

func (s *Server) ReleaseReservation(ctx context.Context, req *inventoryv1.ReleaseReservationRequest) (*inventoryv1.Reservation, error) {
	r, err := s.svc.Release(ctx, req.GetReservationId(), req.GetReason())
	if err != nil {
		return nil, err
	}
	return reservationToProto(r), nil
}

func stockToProto(st store.Stock) *inventoryv1.Stock {
	return &inventoryv1.Stock{
		Sku:       st.SKU,
		OnHand:    int32(st.OnHand),
		Reserved:  int32(st.Reserved),
		Available: int32(st.Available()),
	}
}

var states = map[store.State]inventoryv1.ReservationState{
	store.Pending:   inventoryv1.ReservationState_RESERVATION_STATE_PENDING,
	store.Committed: inventoryv1.ReservationState_RESERVATION_STATE_COMMITTED,
	store.Released:  inventoryv1.ReservationState_RESERVATION_STATE_RELEASED,
}

func reservationToProto(r store.Reservation) *inventoryv1.Reservation {
	out := &inventoryv1.Reservation{
		Id:        r.ID,
		OrderId:   r.OrderID,
		State:     states[r.State],
		ExpiresAt: timestamppb.New(r.ExpiresAt),
	}
	for _, l := range r.Lines {
		out.Lines = append(out.Lines, &inventoryv1.ReservationLine{Sku: l.SKU, Quantity: int32(l.Quantity)})
	}
	return out
}
