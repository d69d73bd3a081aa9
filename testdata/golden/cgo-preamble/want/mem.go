//line mem.go:1:1
package mem

/*line gorch.yaml:12:13*/import __gorch_fmt "fmt"/*line mem.go:1:12*/

/*
#include <stdlib.h>
*/
import "C"

import "unsafe"

func Free(p unsafe.Pointer) {
	/*line gorch.yaml:12:13*/__gorch_fmt.Println("free", p)/*line mem.go:10:30*/
	C.free(p)
}
