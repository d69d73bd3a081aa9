//line runtime2.go:1:1
package golden

/*line gorch.yaml:4*/import __gorch_unsafe "unsafe"/*line runtime2.go:1:15*/

type (
	m struct{ id int64 }

	// g is a goroutine.
	g struct {
		goid   uint64
		m      *m // current m
		labels any
	
	/*line gorch.yaml:4*/__gorch_context __gorch_unsafe.Pointer
/*line runtime2.go:11:2*/}
)

type empty struct{}
