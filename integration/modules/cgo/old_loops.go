//go:build go1.21

package main

import "fmt"

// loopVars shows which loop semantics this file compiles with: before Go
// 1.22, every closure sees the one shared loop variable.
//
//gorch:trace
func loopVars() string {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	return fmt.Sprint(fs[0](), fs[1](), fs[2]())
}
