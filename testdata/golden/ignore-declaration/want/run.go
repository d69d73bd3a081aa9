//line run.go:1:1
package run

import "strconv"

type Job struct{}

// Run is excluded.
//
//gorch:ignore
func (Job) Run() string {
	return strconv.Itoa(1)
}

type Task struct{}

func (Task) Run() string {
	/*line gorch.yaml:10:13*/println("run")/*line run.go:16:27*/
	return /*line gorch.yaml:16:22*/("#" + /*line run.go:17:9*/strconv.Itoa(2)/*line gorch.yaml:16:37*/)/*line run.go:17:24*/
}

//gorch:ignore
var ignored = strconv.Itoa(3)

var kept = /*line gorch.yaml:16:22*/("#" + /*line run.go:23:12*/strconv.Itoa(4)/*line gorch.yaml:16:37*/)/*line run.go:23:27*/
