//line log.go:1:1
package log

func Log(__gorch_p0 /*line log.go:3:10*/string, __gorch_p1 /*line log.go:3:18*/...any) {
	/*line gorch.yaml:10:13*/println(__gorch_p0)
/*line log.go:3:27*/}
