//line b_kept.go:1:1
package run

type T struct{}

func (T) Run() {
	/*line gorch.yaml:10:13*/println("run")
/*line b_kept.go:5:17*/}
