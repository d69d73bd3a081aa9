// A file with CRLF line endings.
package main

import "fmt"

//gorch:trace
func crlfJoin(a, b string) string {
	raw := `raw
string`
	return fmt.Sprint("crlf ", a, b, " ", len(raw), " ", where())
}
