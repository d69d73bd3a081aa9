// Package lib calls its own function and builds its own struct.
package lib

import "fmt"

func Greeting(who string) string { return "hello " + who }

type Item struct {
	Name  string
	Count int
}

// Inside returns a greeting and an item made inside this package.
func Inside() string {
	item := Item{Name: "bolt", Count: 2}
	return fmt.Sprintf("%s %s %d", Greeting("lib"), item.Name, item.Count)
}
