// Package counter is a type with methods, and code of its own that calls
// them.
package counter

type Counter struct{ n int }

func (c *Counter) Add(d int) int {
	c.n += d
	return c.n
}

func (c Counter) Name() string { return "counter" }

// Twice calls Add on a receiver declared as a parameter, inside the
// type's own package.
func Twice(c *Counter) int {
	_ = c.Add(1)
	return c.Add(1)
}

func New() *Counter { return &Counter{} }

func Sum(xs ...int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}
