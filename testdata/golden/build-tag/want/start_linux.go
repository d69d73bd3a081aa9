//line start_linux.go:1:1
// Copyright 2024 The Authors.

//go:build linux && !android

// Package start runs things on Linux.
package start

/*line gorch.yaml:12:13*/import __gorch_fmt "fmt"/*line start_linux.go:6:14*/

func Start() {
	/*line gorch.yaml:12:13*/__gorch_fmt.Println("start")
/*line start_linux.go:8:15*/}
