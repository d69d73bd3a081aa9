// Command cgo calls C. The go command compiles cgo's output for this file,
// which carries line directives back to it; gorch's positions must follow.
package main

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(double(21))
	fmt.Println(loopVars())
	if len(os.Args) > 1 {
		explode()
	}
}

//gorch:trace
func double(x int) int {
	return int(C.twice(C.int(x)))
}

// GorchDouble is called from C when this package is built with
// -buildmode=c-shared.
//
//export GorchDouble
//gorch:trace
func GorchDouble(x C.int) C.int {
	return C.int(double(int(x)))
}

//gorch:trace
func explode() {
	var m map[string]int
	m["boom"] = 1 // MARK:panic
}
