//line handler.go:1:1
package handler

/*line gorch.yaml:12:13*/import __gorch_fmt "fmt"/*line handler.go:1:16*/

type Handler interface {
	Handle(string, int, bool)
}

type impl struct{}

func (impl) Handle(__gorch_p0 /*line handler.go:9:20*/string, __gorch_p1 /*line handler.go:9:28*/int, __gorch_p2 /*line handler.go:9:33*/bool) {
	/*line gorch.yaml:12:13*/__gorch_fmt.Println(__gorch_p0, __gorch_p2)
/*line handler.go:9:40*/}

func Ignore(_ string, __gorch_p1/*line handler.go:11:24*/ int, keep bool) bool {
	/*line gorch.yaml:23:13*/__gorch_fmt.Println(__gorch_p1)/*line handler.go:11:47*/
	return keep
}
