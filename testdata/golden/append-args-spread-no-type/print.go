package print

import "fmt"

func Plain() {
	fmt.Println("ok")
}

func Spread(xs []any) {
	fmt.Println(xs...)
}
