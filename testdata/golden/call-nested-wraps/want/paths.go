//line paths.go:1:1
package paths

import "path"

func clean(p string) string { return path.Clean(p) }

func Nested(a, b, c string) string {
	return /*line gorch.yaml:7:22*/clean(/*line paths.go:8:9*/path.Join(/*line gorch.yaml:7:22*/clean(/*line paths.go:8:19*/path.Join(a, b)/*line gorch.yaml:7:36*/)/*line paths.go:8:34*/, c)/*line gorch.yaml:7:36*/)/*line paths.go:8:38*/
}

func Args(a string) string {
	return /*line gorch.yaml:7:22*/clean(/*line paths.go:12:9*/path.Join(a, /*line gorch.yaml:7:22*/clean(/*line paths.go:12:22*/path.Join(a, "x")/*line gorch.yaml:7:36*/)/*line paths.go:12:39*/, /*line gorch.yaml:7:22*/clean(/*line paths.go:12:41*/path.Join("y", a)/*line gorch.yaml:7:36*/)/*line paths.go:12:58*/)/*line gorch.yaml:7:36*/)/*line paths.go:12:59*/
}
