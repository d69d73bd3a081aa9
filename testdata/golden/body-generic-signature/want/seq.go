//line seq.go:1:1
package seq

func Map[T, U any](xs []T, f func(T) U) []U {
	/*line gorch.yaml:12:13*/if xs == nil {
		return nil
	}/*line seq.go:3:46*/
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

type U int

func Ints(xs []int, f func(int) U) []U {
	return nil
}
