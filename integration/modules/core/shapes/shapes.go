// Package shapes has methods on value, pointer and generic receivers.
package shapes

import (
	"fmt"
	"runtime"
)

type Stack[T any] struct{ items []T }

func NewStack[T any]() *Stack[T] { return &Stack[T]{} }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Len() int { return len(s.items) }

type Square struct{ Side int }

func (q Square) Area() int { return q.Side * q.Side }

type Circle struct{ R int }

func (c *Circle) Name() string { return fmt.Sprintf("circle of radius %d", c.R) }

// Where reports its own position.
func Where() string {
	_, file, line, _ := runtime.Caller(0) // MARK:caller
	return fmt.Sprintf("%s:%d", file, line)
}
