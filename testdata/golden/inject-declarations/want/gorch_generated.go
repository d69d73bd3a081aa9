//line gorch.yaml:10:13
package app
//line gorch.yaml:10:13
import __gorch_runtime "runtime"
//line gorch.yaml:2
import _ "embed"
//line gorch.yaml:15
import _ "net/http/pprof"
//line gorch.yaml:10:13
// gorchInfo describes the build.
func gorchInfo() string {
	return "example.com/golden (app) by version-info on " + __gorch_runtime.Version()
}
