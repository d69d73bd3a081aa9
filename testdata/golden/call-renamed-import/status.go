package status

import (
	"strings"

	web "net/http"
)

func Describe(code int) string {
	return strings.TrimSpace(web.StatusText(code))
}

func Upper(code int) string {
	return strings.ToUpper(web.StatusText(code) + "!")
}
