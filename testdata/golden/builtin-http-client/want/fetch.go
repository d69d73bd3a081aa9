//line fetch.go:1:1
package fetch

/*line gorch/aspects/otel-http.yaml:197:22*/import __gorch_otelhttp "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

/*line gorch/aspects/otel-http.yaml:197:22*/import __gorch_http "net/http"/*line fetch.go:1:14*/

import (
	"net/http"
	"time"
)

var (
	short  = /*line gorch/aspects/otel-http.yaml:197:22*/func(c *__gorch_http.Client) *__gorch_http.Client { if c.Transport == nil { c.Transport = __gorch_http.DefaultTransport }; if _, ok := c.Transport.(*__gorch_otelhttp.Transport); !ok { c.Transport = __gorch_otelhttp.NewTransport(c.Transport) }; return c }(/*line fetch.go:9:11*/&http.Client{Timeout: time.Second}/*line gorch/aspects/otel-http.yaml:197:265*/)/*line fetch.go:9:45*/
	custom = /*line gorch/aspects/otel-http.yaml:216:22*/func(c __gorch_http.Client) __gorch_http.Client { if c.Transport == nil { c.Transport = __gorch_http.DefaultTransport }; if _, ok := c.Transport.(*__gorch_otelhttp.Transport); !ok { c.Transport = __gorch_otelhttp.NewTransport(c.Transport) }; return c }(/*line fetch.go:10:11*/http.Client{Transport: &http.Transport{MaxIdleConns: 4}}/*line gorch/aspects/otel-http.yaml:216:263*/)/*line fetch.go:10:67*/
)

func Get(url string) (*http.Response, error) {
	return short.Get(url)
}
