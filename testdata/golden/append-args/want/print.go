//line print.go:1:1
package print

import "fmt"

func Empty() {
	fmt.Println(/*line gorch.yaml:9:16*/"[Empty]", /*line gorch.yaml:10:16*/6/*line print.go:6:14*/)
}

func Lines(a, b string) {
	fmt.Println(
		a,
		b, /*line gorch.yaml:9:16*/"[Lines]", /*line gorch.yaml:10:16*/10/*line print.go:12:4*/,
	)
}

func Spread(xs []any) {
	fmt.Println(append(append([]any(nil), /*line print.go:17:14*/xs...), /*line gorch.yaml:9:16*/"[Spread]", /*line gorch.yaml:10:16*/17).../*line print.go:17:19*/)
}

func Mixed(x int) {
	fmt.Println("x =", x, /*line gorch.yaml:9:16*/"[Mixed]", /*line gorch.yaml:10:16*/21/*line print.go:21:22*/) // comment stays
}
