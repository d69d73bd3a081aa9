package mem

/*
#include <stdlib.h>
*/
import "C"

import "unsafe"

func Free(p unsafe.Pointer) {
	C.free(p)
}
