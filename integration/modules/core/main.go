// Command core is built by gorch's integration tests: every line it prints
// in "run" mode shows one kind of advice at work.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"example.com/core/shapes"
)

func main() {
	mode := "run"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	switch mode {
	case "run":
		run()
	case "panic":
		explode(3)
	case "caller":
		fmt.Println(where())
		fmt.Println(shapes.Where())
	}
}

func run() {
	fmt.Println(divide(10, 2))
	fmt.Println(divide(1, 0))
	s := shapes.NewStack[int]()
	s.Push(1)
	s.Push(2)
	fmt.Println(s.Len(), shapes.Square{Side: 3}.Area(), (&shapes.Circle{R: 1}).Name())
	fmt.Println(strings.ToUpper("wrapped"))
	fmt.Println(label("a", "b"))
	fmt.Println(quiet())
}

//gorch:trace
func divide(a, b int) (int, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func label(parts ...string) string {
	return strings.Join(parts, "-")
}

//gorch:ignore
//gorch:trace
func quiet() string {
	return "quiet"
}

//gorch:trace
func explode(n int) {
	if n > 0 {
		var m map[string]int
		m["boom"] = n // MARK:panic
	}
}

//gorch:trace
func where() string {
	_, file, line, _ := runtime.Caller(0) // MARK:caller
	return fmt.Sprintf("%s:%d", file, line)
}
