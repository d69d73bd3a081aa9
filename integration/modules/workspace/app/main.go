package main

import (
	"os"

	"example.com/lib"
)

func main() { os.Exit(lib.Double(21) - 42) }
