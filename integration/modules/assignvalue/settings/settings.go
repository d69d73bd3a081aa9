// Package settings holds package-level values an aspect changes.
package settings

import "time"

var Debug bool

var (
	Verbose, Quiet bool = false, false
	//app:greeting world
	Greeting string = "hello"
	Farewell string = "bye"
)

const Retries int = 3

const (
	Low = iota
	Middle
)

var Timeout = 2 * time.Second
