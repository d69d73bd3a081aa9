package status

import . "net/http"

func Describe(code int) string {
	return StatusText(code)
}

func Local(code int) string {
	StatusText := func(int) string { return "local" }
	return StatusText(code)
}
