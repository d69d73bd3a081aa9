// Package grpcapi serves the catalog over gRPC (shop.catalog.v1).
package grpcapi

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/timestamppb"

	catalogv1 "example.com/shop/api/catalogv1"
	"example.com/shop/internal/catalog/service"
	"example.com/shop/internal/catalog/store"
)

// Server implements catalogv1.CatalogServiceServer.
type Server struct {
	catalogv1.UnimplementedCatalogServiceServer
	svc *service.Service
}

// Register adds the catalog service to s.
func Register(s grpc.ServiceRegistrar, svc *service.Service) {
	catalogv1.RegisterCatalogServiceServer(s, &Server{svc: svc})
}

func (s *Server) GetProduct(ctx context.Context, req *catalogv1.GetProductRequest) (*catalogv1.Product, error) {
	p, err := s.svc.Product(ctx, req.GetId())
	if err != nil {
		return nil, err
	}
	return toProto(p), nil
}

func (s *Server) ListProducts(ctx context.Context, req *catalogv1.ListProductsRequest) (*catalogv1.ListProductsResponse, error) {
	page, err := s.svc.List(ctx, service.ListParams{
		PageSize:        int(req.GetPageSize()),
		PageToken:       req.GetPageToken(),
		CategoryID:      req.GetCategoryId(),
		IncludeInactive: req.GetIncludeInactive(),
	})
	if err != nil {
		return nil, err
	}
	resp := &catalogv1.ListProductsResponse{NextPageToken: page.NextPageToken}
	for _, p := range page.Products {
		resp.Products = append(resp.Products, toProto(p))
	}
	return resp, nil
}

func (s *Server) CreateProduct(ctx context.Context, req *catalogv1.CreateProductRequest) (*catalogv1.Product, error) {
	p, err := s.svc.Create(ctx, service.NewProduct{
		SKU:         req.GetSku(),
		Name:        req.GetName(),
		Description: req.GetDescription(),
		CategoryID:  req.GetCategoryId(),
		PriceMinor:  req.GetPriceMinor(),
		Currency:    req.GetCurrency(),
	})
	if err != nil {
		return nil, err
	}
	return toProto(p), nil
}

func (s *Server) ListCategories(ctx context.Context, req *catalogv1.ListCategoriesRequest) (*catalogv1.ListCategoriesResponse, error) {
	categories, err := s.svc.Categories(ctx, req.GetParentId())
	if err != nil {
		return nil, err
	}
	resp := &catalogv1.ListCategoriesResponse{}
	for _, c := range categories {
		resp.Categories = append(resp.Categories, &catalogv1.Category{
			Id: c.ID, Slug: c.Slug, Name: c.Name, ParentId: c.ParentID,
		})
	}
	return resp, nil
}

func toProto(p store.Product) *catalogv1.Product {
	return &catalogv1.Product{
		Id:          p.ID,
		Sku:         p.SKU,
		Name:        p.Name,
		Description: p.Description,
		CategoryId:  p.CategoryID,
		PriceMinor:  p.Price.Minor,
		Currency:    p.Price.Currency,
		Active:      p.Active,
		CreatedAt:   timestamppb.New(p.CreatedAt),
		UpdatedAt:   timestamppb.New(p.UpdatedAt),
	}
}
