//line add.go:1:1
package add

func Add(a, b int) int {
	/*line gorch.yaml:12:13*/println("Add")
/*line add.go:3:25*/ return a + b }

// addAsm is implemented in add_amd64.s.
func addAsm(a, b int) int
