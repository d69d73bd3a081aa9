// Package httpclient is the JSON client services use to call each other's
// HTTP APIs: base URL, timeouts, request id forwarding, and error bodies
// decoded back into apperr errors.
package httpclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/requestid"
	"example.com/shop/internal/platform/telemetry"
)

// maxBody bounds the responses read into memory.
const maxBody = 4 << 20

// Client calls one upstream service.
type Client struct {
	base      *url.URL
	http      *http.Client
	userAgent string
}

// New returns a client for the upstream at up.Target, a base URL such as
// http://orders:8080.
func New(up config.Upstream, userAgent string) (*Client, error) {
	base, err := url.Parse(up.Target)
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("http client: invalid base URL %q", up.Target)
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 32
	transport.IdleConnTimeout = 90 * time.Second
	return &Client{
		base: base,
		http: &http.Client{
			Timeout:   up.Timeout,
			Transport: telemetry.Transport(transport),
		},
		userAgent: userAgent,
	}, nil
}

// Do sends a request with in (unless nil) as its JSON body and decodes a
// successful response into out (unless nil). An error response becomes
// an *apperr.Error of the upstream's kind.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, in, out any) error {
	u := c.base.JoinPath(path)
	u.RawQuery = query.Encode()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if id := requestid.From(ctx); id != "" {
		req.Header.Set(requestid.Header, id)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return apperr.Wrap(err, apperr.Unavailable, fmt.Sprintf("%s unavailable", c.base.Host))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return apperr.Wrap(err, apperr.Unavailable, "reading response")
	}
	if resp.StatusCode >= 400 {
		var b apperr.Body
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			_ = json.Unmarshal(data, &b)
		}
		return apperr.FromBody(resp.StatusCode, b)
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode %s %s response: %w", method, u.Path, err)
	}
	return nil
}

func (c *Client) Get(ctx context.Context, path string, query url.Values, out any) error {
	return c.Do(ctx, http.MethodGet, path, query, nil, out)
}

func (c *Client) Post(ctx context.Context, path string, in, out any) error {
	return c.Do(ctx, http.MethodPost, path, nil, in, out)
}

func (c *Client) Put(ctx context.Context, path string, in, out any) error {
	return c.Do(ctx, http.MethodPut, path, nil, in, out)
}

func (c *Client) Delete(ctx context.Context, path string, out any) error {
	return c.Do(ctx, http.MethodDelete, path, nil, nil, out)
}
