//line stack.go:1:1
package stack

/*line gorch.yaml:12:13*/import __gorch_fmt "fmt"/*line stack.go:1:14*/

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) {
	/*line gorch.yaml:12:13*/__gorch_fmt.Printf("%T.Push\n", (**Stack[T])(nil))/*line stack.go:7:31*/
	s.items = append(s.items, v)
}

func (s Stack[T]) Len() int {
	return len(s.items)
}

func (s *Stack[E]) Pop() E {
	/*line gorch.yaml:12:13*/__gorch_fmt.Printf("%T.Pop\n", (**Stack[E])(nil))/*line stack.go:15:29*/
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}
