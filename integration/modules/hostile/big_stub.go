//go:build !hostilebig

package main

// bigTotal is replaced by the 100,000-line big.go that the test writes
// (built with -tags hostilebig).
func bigTotal() string { return "big: not generated" }
