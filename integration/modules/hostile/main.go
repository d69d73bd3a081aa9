// Command hostile prints what functions in unusual files compute, and
// where they are: the instrumented build must print exactly the same.
package main

import (
	"fmt"
	"runtime"

	"example.com/hostile/asm"
)

// where reports the caller's file and line, as a stack trace would.
func where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", shortName(file), line)
}

func shortName(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

func main() {
	fmt.Println(bomGreeting())
	fmt.Println(crlfJoin("a", "b"))
	fmt.Println(Größe(2), 変数())
	s := &Stack[string]{}
	s.Push("x")
	s.Push("y")
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) }), s.Len(), Sum([]float64{1.5, 2.5}))
	fmt.Println(fromDirectives())
	fmt.Println(generatedTable())
	fmt.Println(fmt.Sprint("asm: ", asm.Add(40, 2)))
	fmt.Println(bigTotal())
}
