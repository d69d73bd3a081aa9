// Copyright 2024 The Authors.

//go:build linux && !android

// Package start runs things on Linux.
package start

func Start() {}
