// Generics everywhere: types, methods, constraints, instantiation.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type Stack[T any] struct{ items []T }

//gorch:trace
func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Len() int { return len(s.items) }

//gorch:trace
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

//gorch:trace
func Sum[N Number](xs []N) string {
	var total N
	for _, x := range xs {
		total += x
	}
	return fmt.Sprint(total, " ", where())
}
