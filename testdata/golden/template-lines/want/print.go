//line print.go:1:1
package print

import "fmt"

func Print() {
	fmt.Println(/*line gorch.yaml:8:16*/"a" + "b", /*line gorch.yaml:9:16*/"a"/*line print.go:6:14*/)
}
