package clients

import (
	"context"
	"encoding/json"
	"net/url"

	"example.com/shop/internal/platform/httpclient"
)

// Orders calls the orders service's HTTP API. Responses are passed to
// the gateway's clients as the orders service wrote them.
type Orders struct {
	http *httpclient.Client
}

func NewOrders(c *httpclient.Client) *Orders { return &Orders{http: c} }

// NewCustomer registers a customer.
type NewCustomer struct {
	Email     string `json:"email"`
	Name      string `json:"name"`
	CardToken string `json:"card_token,omitempty"`
}

func (o *Orders) CreateCustomer(ctx context.Context, in NewCustomer) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Post(ctx, "/v1/customers", in, &out)
	return out, err
}

func (o *Orders) CustomerOrders(ctx context.Context, customerID string, pageSize, pageToken string) (json.RawMessage, error) {
	q := url.Values{}
	if pageSize != "" {
		q.Set("page_size", pageSize)
	}
	if pageToken != "" {
		q.Set("page_token", pageToken)
	}
	var out json.RawMessage
	err := o.http.Get(ctx, "/v1/customers/"+url.PathEscape(customerID)+"/orders", q, &out)
	return out, err
}

func (o *Orders) CreateCart(ctx context.Context, customerID, currency string) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Post(ctx, "/v1/carts", map[string]string{"customer_id": customerID, "currency": currency}, &out)
	return out, err
}

func (o *Orders) Cart(ctx context.Context, cartID string) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Get(ctx, "/v1/carts/"+url.PathEscape(cartID), nil, &out)
	return out, err
}

func (o *Orders) SetCartItem(ctx context.Context, cartID, productID string, quantity int) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Put(ctx, "/v1/carts/"+url.PathEscape(cartID)+"/items/"+url.PathEscape(productID),
		map[string]int{"quantity": quantity}, &out)
	return out, err
}

func (o *Orders) Checkout(ctx context.Context, cartID, cardToken string) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Post(ctx, "/v1/carts/"+url.PathEscape(cartID)+"/checkout", map[string]string{"card_token": cardToken}, &out)
	return out, err
}

func (o *Orders) Order(ctx context.Context, orderID string) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Get(ctx, "/v1/orders/"+url.PathEscape(orderID), nil, &out)
	return out, err
}

func (o *Orders) CancelOrder(ctx context.Context, orderID string) (json.RawMessage, error) {
	var out json.RawMessage
	err := o.http.Post(ctx, "/v1/orders/"+url.PathEscape(orderID)+"/cancel", nil, &out)
	return out, err
}
