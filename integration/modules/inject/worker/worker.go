// Package worker imports nothing.
package worker

//gorch:trace
func Double(n int) int {
	return 2 * n
}
