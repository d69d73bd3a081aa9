package worker_test

import (
	"testing"

	"example.com/inject/worker"
)

func TestDoubleFromOutside(t *testing.T) {
	if worker.Double(3) != 6 {
		t.Fatal("Double(3) != 6")
	}
}
