// Command inject imports nothing but its worker: every line the worker
// prints comes from advice that imports packages this module never
// imports (fmt, expvar, and the OpenTelemetry API).
package main

import (
	"os"

	"example.com/inject/worker"
)

func main() {
	os.Exit(worker.Double(21) - 42)
}
