// A file that already carries line directives, as generators (ragel,
// goyacc, cgo, cover) write them: positions point at another source.
package main

import "fmt"

//line grammar.y:100
//gorch:trace
func fromDirectives() string {
	x := fmt.Sprint("directives ", where())
	/*line grammar.y:200:5*/ return x + fmt.Sprint(" ", where())
}
