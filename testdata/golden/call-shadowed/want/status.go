//line status.go:1:1
package status

import "net/http"

type fake struct{}

func (fake) StatusText(int) string { return "fake" }

func mark(s string) string { return "*" + s }

func Real(code int) string {
	return /*line gorch.yaml:7:22*/mark(/*line status.go:12:9*/http.StatusText(code)/*line gorch.yaml:7:35*/)/*line status.go:12:30*/
}

func Shadowed(code int) string {
	http := fake{}
	return http.StatusText(code)
}

func Param(http fake, code int) string {
	if code > 0 {
		return http.StatusText(code)
	}
	return ""
}

func After(code int) string {
	s := /*line gorch.yaml:7:22*/mark(/*line status.go:28:7*/http.StatusText(code)/*line gorch.yaml:7:35*/)/*line status.go:28:28*/
	{
		http := fake{}
		s += http.StatusText(code)
	}
	return s + /*line gorch.yaml:7:22*/mark(/*line status.go:33:13*/http.StatusText(code)/*line gorch.yaml:7:35*/)/*line status.go:33:34*/
}
