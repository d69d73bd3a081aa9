//line gorch.yaml:10:13
package main
//line gorch.yaml:10:13
var zapLinked = true
