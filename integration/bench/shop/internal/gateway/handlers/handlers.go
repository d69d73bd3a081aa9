// Package handlers is the shop's public HTTP API, served by the gateway:
// it validates what clients send and fans out to the services.
package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"example.com/shop/internal/gateway/clients"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/middleware"
	"example.com/shop/internal/platform/validate"
)

type Handlers struct {
	catalog        *clients.Catalog
	orders         *clients.Orders
	catalogHealth  healthpb.HealthClient
	ordersReadyURL string
}

func New(catalog *clients.Catalog, orders *clients.Orders, catalogHealth healthpb.HealthClient, ordersBaseURL string) *Handlers {
	return &Handlers{catalog: catalog, orders: orders, catalogHealth: catalogHealth, ordersReadyURL: ordersBaseURL + "/readyz"}
}

// Register adds the public routes under /api/v1.
func (h *Handlers) Register(r gin.IRouter, allowedOrigins []string) {
	api := r.Group("/api/v1", cors(allowedOrigins))
	api.OPTIONS("/*path") // preflight requests, answered by cors
	api.GET("/products", h.listProducts)
	api.GET("/products/:id", h.getProduct)
	api.GET("/categories", h.listCategories)
	api.POST("/customers", h.createCustomer)
	api.GET("/customers/:id/orders", h.customerOrders)
	api.POST("/carts", h.createCart)
	api.GET("/carts/:id", h.getCart)
	api.PUT("/carts/:id/items/:product_id", h.setCartItem)
	api.POST("/carts/:id/checkout", h.checkout)
	api.GET("/orders/:id", h.getOrder)
	api.POST("/orders/:id/cancel", h.cancelOrder)
	r.GET("/api/status", h.status)
}

func (h *Handlers) listProducts(c *gin.Context) {
	size, err := strconv.Atoi(c.DefaultQuery("page_size", "24"))
	if err != nil || size < 1 || size > 100 {
		middleware.Fail(c, apperr.Invalidf("page_size must be between 1 and 100"))
		return
	}
	products, next, err := h.catalog.Products(c, c.Query("category_id"), size, c.Query("page_token"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"products": products, "next_page_token": next})
}

func (h *Handlers) getProduct(c *gin.Context) {
	p, err := h.catalog.Product(c, c.Param("id"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=30")
	c.JSON(http.StatusOK, p)
}

func (h *Handlers) listCategories(c *gin.Context) {
	categories, err := h.catalog.Categories(c, c.Query("parent_id"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.JSON(http.StatusOK, gin.H{"categories": categories})
}

func (h *Handlers) createCustomer(c *gin.Context) {
	var in clients.NewCustomer
	if !middleware.BindJSON(c, &in) {
		return
	}
	var v validate.Validator
	v.Email("email", in.Email)
	v.Required("name", in.Name)
	if err := v.Err(); err != nil {
		middleware.Fail(c, err)
		return
	}
	respond(c, http.StatusCreated)(h.orders.CreateCustomer(c, in))
}

func (h *Handlers) customerOrders(c *gin.Context) {
	respond(c, http.StatusOK)(h.orders.CustomerOrders(c, c.Param("id"), c.Query("page_size"), c.Query("page_token")))
}

func (h *Handlers) createCart(c *gin.Context) {
	var in struct {
		CustomerID string `json:"customer_id" binding:"required"`
		Currency   string `json:"currency"`
	}
	if !middleware.BindJSON(c, &in) {
		return
	}
	if in.Currency == "" {
		in.Currency = "EUR"
	}
	respond(c, http.StatusCreated)(h.orders.CreateCart(c, in.CustomerID, in.Currency))
}

func (h *Handlers) getCart(c *gin.Context) {
	respond(c, http.StatusOK)(h.orders.Cart(c, c.Param("id")))
}

func (h *Handlers) setCartItem(c *gin.Context) {
	var in struct {
		Quantity int `json:"quantity"`
	}
	if !middleware.BindJSON(c, &in) {
		return
	}
	respond(c, http.StatusOK)(h.orders.SetCartItem(c, c.Param("id"), c.Param("product_id"), in.Quantity))
}

func (h *Handlers) checkout(c *gin.Context) {
	var in struct {
		CardToken string `json:"card_token"`
	}
	if c.Request.ContentLength != 0 && !middleware.BindJSON(c, &in) {
		return
	}
	respond(c, http.StatusCreated)(h.orders.Checkout(c, c.Param("id"), in.CardToken))
}

func (h *Handlers) getOrder(c *gin.Context) {
	respond(c, http.StatusOK)(h.orders.Order(c, c.Param("id")))
}

func (h *Handlers) cancelOrder(c *gin.Context) {
	respond(c, http.StatusOK)(h.orders.CancelOrder(c, c.Param("id")))
}

// respond writes an upstream's JSON body with status, or fails with its
// error.
func respond(c *gin.Context, status int) func(json.RawMessage, error) {
	return func(body json.RawMessage, err error) {
		if err != nil {
			middleware.Fail(c, err)
			return
		}
		c.Data(status, "application/json; charset=utf-8", body)
	}
}

// status reports whether the services behind the gateway are ready.
func (h *Handlers) status(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c, 2*time.Second)
	defer cancel()
	checks := gin.H{"catalog": "ok", "orders": "ok"}
	ok := true
	if resp, err := h.catalogHealth.Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
		checks["catalog"], ok = err.Error(), false
	} else if resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		checks["catalog"], ok = resp.GetStatus().String(), false
	}
	if err := probe(ctx, h.ordersReadyURL); err != nil {
		checks["orders"], ok = err.Error(), false
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusServiceUnavailable
	}
	c.JSON(status, gin.H{"ok": ok, "checks": checks})
}

func probe(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("readyz answered %s", resp.Status)
	}
	return nil
}

// cors allows browsers on the listed origins to call the API.
func cors(allowed []string) gin.HandlerFunc {
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if origin != "" && (slices.Contains(allowed, "*") || slices.Contains(allowed, origin)) {
			c.Header("Access-Control-Allow-Origin", origin)
			c.Header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
			c.Header("Access-Control-Allow-Headers", "Content-Type, X-Request-Id")
			c.Header("Vary", "Origin")
		}
		if c.Request.Method == http.MethodOptions {
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}
