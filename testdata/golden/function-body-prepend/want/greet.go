//line greet.go:1:1
package greet

/*line gorch.yaml:12:13*/import __gorch_fmt "fmt"/*line greet.go:1:14*/

import "fmt"

// Greet says hello.
func Greet(name string) string {
	/*line gorch.yaml:12:13*/__gorch_fmt.Println("entering Greet")/*line greet.go:6:33*/
	return fmt.Sprintf("hello, %s", name)
}

func Other() {}
