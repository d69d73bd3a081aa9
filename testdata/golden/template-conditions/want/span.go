//line span.go:1:1
package span

/*line gorch.yaml:11:13*/import __gorch_context "context"

/*line gorch.yaml:11:13*/import __gorch_log "log"/*line span.go:1:13*/

import "context"

//gorch:span fetch-user
func FetchUser(ctx context.Context, id int) (__gorch_r0 /*line span.go:6:46*/string, __gorch_r1 /*line span.go:6:54*/error) {
	/*line gorch.yaml:12:13*/ctx = __gorch_context.WithValue(ctx, "span", "fetch-user")
	/*line gorch.yaml:18:13*/defer func() { __gorch_log.Println("error:", __gorch_r1) }()/*line span.go:6:62*/
	return "", nil
}

//gorch:span
func Plain() {
	/*line gorch.yaml:14:13*/__gorch_ctx := __gorch_context.WithValue(__gorch_context.Background(), "span", "Plain")
	_ = __gorch_ctx
/*line span.go:11:15*/}
