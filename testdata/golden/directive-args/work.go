package work

// Run does the work.
//
//gorch:trace run  with args
func Run() {
	step()
}

//gorch:trace
func step() {}

//gorch:trace detached

func Detached() {}

// gorch:trace spaced
func Spaced() {}
