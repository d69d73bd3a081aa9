package run

import "fmt"

func Run() {
	fmt.Println("run")
}
