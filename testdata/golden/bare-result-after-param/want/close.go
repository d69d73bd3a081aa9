//line close.go:1:1
package exp

func Close(name string) (__gorch_r0 /*line close.go:3:25*/error)/*line close.go:3:30*/ {
	/*line gorch.yaml:10:13*/println(name, __gorch_r0)/*line close.go:3:32*/
	return nil
}
