package main

import (
	"fmt"

	"example.com/methodcall/counter"
)

type holder struct{ c *counter.Counter }

func main() {
	var v counter.Counter
	fmt.Println("var", v.Add(1), v.Name())
	p := &counter.Counter{}
	fmt.Println("literal", p.Add(2), p.Name())
	n := new(counter.Counter)
	fmt.Println("new", n.Add(3))
	fmt.Println("inline", (&counter.Counter{}).Add(4))
	fmt.Println("param", twice(p))
	fmt.Println("own package", counter.Twice(&counter.Counter{}))
	h := holder{c: &counter.Counter{}}
	fmt.Println("field", h.c.Add(5))
	fmt.Println("returned", counter.New().Add(6))
	for _, c := range []*counter.Counter{{}} {
		fmt.Println("range", c.Add(7))
	}
	add := func(c *counter.Counter) int { return c.Add(8) }
	fmt.Println("closure param", add(&counter.Counter{}))
	fmt.Println("sum", counter.Sum(1, 2, 3), counter.Sum(4))
}

func twice(c *counter.Counter) int {
	return c.Add(10)
}
