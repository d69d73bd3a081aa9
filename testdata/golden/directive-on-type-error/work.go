package work

//gorch:trace
func Run() {}

//gorch:trace
type Job struct{}
