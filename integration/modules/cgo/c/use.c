// Calls the Go function that the cgo module exports when it is built with
// -buildmode=c-shared.
#include <stdio.h>
#include "../libcgo.h"

int main(void) {
	printf("%d\n", (int)GorchDouble(21));
	return 0;
}
