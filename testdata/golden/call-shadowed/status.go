package status

import "net/http"

type fake struct{}

func (fake) StatusText(int) string { return "fake" }

func mark(s string) string { return "*" + s }

func Real(code int) string {
	return http.StatusText(code)
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
	s := http.StatusText(code)
	{
		http := fake{}
		s += http.StatusText(code)
	}
	return s + http.StatusText(code)
}
