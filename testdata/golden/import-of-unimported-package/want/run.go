//line run.go:1:1
package run

/*line gorch.yaml:12:13*/import __gorch_slog "log/slog"/*line run.go:1:12*/

import "fmt"

func Run() {
	/*line gorch.yaml:12:13*/__gorch_slog.Info("run")/*line run.go:5:13*/
	fmt.Println("run")
}
