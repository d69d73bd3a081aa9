//line main.go:1:1
package app

func Main() {
	/*line gorch.yaml:10:13*/println(`one
two`)
/*line main.go:3:14*/}
