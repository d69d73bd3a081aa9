//line main.go:1:1
package main

import "fmt"

func main() {
	/*line gorch/aspects/sdk/sdk.yaml:304:21*/defer __gorch_otel_shutdown()/*line main.go:5:14*/
	fmt.Println("hello")
}
