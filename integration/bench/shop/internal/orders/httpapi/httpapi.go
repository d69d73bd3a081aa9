// Package httpapi is the orders service's HTTP API: customers, carts,
// checkout and orders.
package httpapi

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/shop/internal/carts"
	"example.com/shop/internal/customers"
	"example.com/shop/internal/orders/service"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/middleware"
)

type API struct {
	customers *customers.Service
	carts     *carts.Service
	orders    *service.Service
}

func New(cu *customers.Service, ca *carts.Service, o *service.Service) *API {
	return &API{customers: cu, carts: ca, orders: o}
}

// Register adds the API's routes under /v1.
func (a *API) Register(r gin.IRouter) {
	v1 := r.Group("/v1")
	v1.POST("/customers", a.createCustomer)
	v1.GET("/customers/:id", a.getCustomer)
	v1.GET("/customers/:id/orders", a.listOrders)
	v1.POST("/carts", a.createCart)
	v1.GET("/carts/:id", a.getCart)
	v1.PUT("/carts/:id/items/:product_id", a.setItem)
	v1.POST("/carts/:id/checkout", a.checkout)
	v1.GET("/orders/:id", a.getOrder)
	v1.POST("/orders/:id/cancel", a.cancelOrder)
}

func (a *API) createCustomer(c *gin.Context) {
	var req struct {
		Email     string `json:"email"`
		Name      string `json:"name"`
		CardToken string `json:"card_token"`
	}
	if !middleware.BindJSON(c, &req) {
		return
	}
	cust, err := a.customers.Register(c, customers.Registration{Email: req.Email, Name: req.Name, CardToken: req.CardToken})
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, customerView(cust))
}

func (a *API) getCustomer(c *gin.Context) {
	cust, err := a.customers.Get(c, c.Param("id"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, customerView(cust))
}

func (a *API) listOrders(c *gin.Context) {
	size, err := strconv.Atoi(c.DefaultQuery("page_size", "0"))
	if err != nil {
		middleware.Fail(c, apperr.Invalidf("page_size must be a number"))
		return
	}
	list, next, err := a.orders.List(c, c.Param("id"), size, c.Query("page_token"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	out := make([]orderJSON, len(list))
	for i, o := range list {
		out[i] = orderView(o)
	}
	c.JSON(http.StatusOK, gin.H{"orders": out, "next_page_token": next})
}

func (a *API) createCart(c *gin.Context) {
	var req struct {
		CustomerID string `json:"customer_id" binding:"required"`
		Currency   string `json:"currency"`
	}
	if !middleware.BindJSON(c, &req) {
		return
	}
	if req.Currency == "" {
		req.Currency = "EUR"
	}
	cart, err := a.carts.Create(c, req.CustomerID, req.Currency)
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, cartView(cart))
}

func (a *API) getCart(c *gin.Context) {
	cart, err := a.carts.Get(c, c.Param("id"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, cartView(cart))
}

func (a *API) setItem(c *gin.Context) {
	var req struct {
		Quantity *int `json:"quantity" binding:"required"`
	}
	if !middleware.BindJSON(c, &req) {
		return
	}
	cart, err := a.carts.SetQuantity(c, c.Param("id"), c.Param("product_id"), *req.Quantity)
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, cartView(cart))
}

func (a *API) checkout(c *gin.Context) {
	var req struct {
		CardToken string `json:"card_token"`
	}
	if c.Request.ContentLength != 0 && !middleware.BindJSON(c, &req) {
		return
	}
	o, err := a.orders.Checkout(c, c.Param("id"), req.CardToken)
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.Header("Location", "/v1/orders/"+o.ID)
	c.JSON(http.StatusCreated, orderView(o))
}

func (a *API) getOrder(c *gin.Context) {
	o, err := a.orders.Get(c, c.Param("id"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, orderView(o))
}

func (a *API) cancelOrder(c *gin.Context) {
	o, err := a.orders.Cancel(c, c.Param("id"))
	if err != nil {
		middleware.Fail(c, err)
		return
	}
	c.JSON(http.StatusOK, orderView(o))
}
