//line api.go:1:1
package api

func Serve() {
	/*line gorch.yaml:49:13*/println("one-of")

	/*line gorch.yaml:36:13*/println("name")

	/*line gorch.yaml:12:13*/println("glob")
/*line api.go:3:15*/}
