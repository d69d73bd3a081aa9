package greet

import "fmt"

// Greet says hello.
func Greet(name string) string {
	return fmt.Sprintf("hello, %s", name)
}

func Other() {}
