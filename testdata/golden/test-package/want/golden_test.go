//line golden_test.go:1:1
package golden_test

import "testing"

func helper(t *testing.T, want int) {
	/*line gorch.yaml:12:13*/t.Helper()/*line golden_test.go:5:38*/
	if want < 0 {
		t.Fatal("negative")
	}
}

func TestHelper(t *testing.T) {
	helper(t, 1)
}
