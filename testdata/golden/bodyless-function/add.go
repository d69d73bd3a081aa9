package add

func Add(a, b int) int { return a + b }

// addAsm is implemented in add_amd64.s.
func addAsm(a, b int) int
