//line b.go:1:1
package files

/*line gorch.yaml:10:22*/import __gorch_log_2 "log"

/*line gorch.yaml:10:22*/import __gorch_os "os"/*line b.go:1:14*/

import "os"

func Read() (*os.File, error) {
	return /*line gorch.yaml:10:22*/func() (*__gorch_os.File, error) { __gorch_log_2.Println("open"); return /*line b.go:6:9*/os.Open(Name)/*line gorch.yaml:10:93*/ }()/*line b.go:6:22*/
}
