// Command frontend serves a shop's pages with gin and calls the backend
// over HTTPS with two client libraries: resty, given the backend's CA and
// a proxy (both of which it sets on the *http.Transport it asserts), and
// go-retryablehttp, whose client wraps another. It has no tracing code. It
// handles SIGTERM itself: it says so and exits with status 3.
//
//	GET /checkout/:id  the backend's item, through resty and the proxy
//	GET /retry         the backend's /flaky, retried until it succeeds
//	GET /hand, /auto   handmade's two handlers
package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/libraries/nethttp/internal/handmade"
	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
)

func main() {
	backend := os.Getenv("BACKEND")
	ca, err := os.ReadFile(os.Getenv("CA"))
	if err != nil {
		log.Fatal(err)
	}

	// resty asserts its client's Transport is a *http.Transport to set
	// these; it logs an error and skips them when it is not.
	shop := resty.New().SetRootCertificate(os.Getenv("CA")).SetProxy(os.Getenv("PROXY"))

	retrying := retryablehttp.NewClient()
	retrying.Logger = nil
	retrying.RetryWaitMin, retrying.RetryWaitMax = 0, 0
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	retrying.HTTPClient.Transport.(*http.Transport).TLSClientConfig = &tls.Config{RootCAs: pool}

	gin.SetMode(gin.ReleaseMode)
	router := gin.New()
	router.GET("/checkout/:id", func(c *gin.Context) {
		resp, err := shop.R().SetContext(c.Request.Context()).Get(backend + "/items/" + c.Param("id"))
		if err != nil {
			c.String(http.StatusBadGateway, err.Error())
			return
		}
		c.String(resp.StatusCode(), "%s via %s\n", resp.String(), resp.Header().Get("X-Driver-Conn"))
	})
	router.GET("/retry", func(c *gin.Context) {
		req, err := retryablehttp.NewRequestWithContext(c.Request.Context(), http.MethodGet, backend+"/flaky", nil)
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		resp, err := retrying.Do(req)
		if err != nil {
			c.String(http.StatusBadGateway, err.Error())
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		c.String(resp.StatusCode, "%s\n", body)
	})
	router.GET("/hand", gin.WrapH(handmade.Wrapped()))
	router.GET("/auto", gin.WrapH(handmade.Plain()))

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM)
	go func() {
		<-stop
		fmt.Println("frontend: stopping")
		os.Exit(3)
	}()
	// gin starts its server with http.ListenAndServe inside the library.
	log.Fatal(router.Run(os.Getenv("LISTEN")))
}
