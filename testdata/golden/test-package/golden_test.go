package golden_test

import "testing"

func helper(t *testing.T, want int) {
	if want < 0 {
		t.Fatal("negative")
	}
}

func TestHelper(t *testing.T) {
	helper(t, 1)
}
