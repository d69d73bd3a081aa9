package main

import "strings"

func main() { println(strings.ToUpper("x")) }
