// A file that starts with a UTF-8 byte order mark.
package main

import "fmt"

//gorch:trace
func bomGreeting() string {
	return fmt.Sprint("bom ", where())
}
