package print

import "fmt"

func Print() {
	fmt.Println()
}
