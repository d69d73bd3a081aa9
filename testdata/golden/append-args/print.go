package print

import "fmt"

func Empty() {
	fmt.Println()
}

func Lines(a, b string) {
	fmt.Println(
		a,
		b,
	)
}

func Spread(xs []any) {
	fmt.Println(xs...)
}

func Mixed(x int) {
	fmt.Println("x =", x) // comment stays
}
