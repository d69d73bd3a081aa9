// Command samepackage calls a function and builds a struct from another
// package, and that package does the same inside itself.
package main

import (
	"fmt"

	"example.com/samepackage/lib"
)

func main() {
	item := lib.Item{Name: "nut", Count: 3}
	fmt.Println(lib.Greeting("main"), item.Name, item.Count)
	fmt.Println(lib.Inside())
}
