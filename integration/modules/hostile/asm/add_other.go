//go:build !amd64

package asm

func Add(a, b int) int { return a + b }
