// Identifiers and strings beyond ASCII.
package main

import "fmt"

const π = 3.14159

//gorch:trace
func Größe(faktor float64) string {
	return fmt.Sprint("größe ", faktor*π, " ", where())
}

//gorch:trace
func 変数() string { return fmt.Sprint("変数 🚀 ", where()) }
