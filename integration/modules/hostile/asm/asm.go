// Package asm adds in assembly on amd64 and in Go elsewhere.
package asm
