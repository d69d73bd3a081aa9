package lib

//gorch:trace
func Double(n int) int { return 2 * n }
