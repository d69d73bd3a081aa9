//line work.go:1:1
package work

/*line gorch.yaml:10:13*/import __gorch_log "log"/*line work.go:1:13*/

// Run does the work.
//
//gorch:trace run  with args
func Run() {
	/*line gorch.yaml:10:13*/__gorch_log.Println("span run  with args")/*line work.go:6:13*/
	step()
}

//gorch:trace
func step() {
	/*line gorch.yaml:10:13*/__gorch_log.Println("span ")
/*line work.go:11:14*/}

//gorch:trace detached

func Detached() {}

// gorch:trace spaced
func Spaced() {}
