package tail

import "strings"

func Tail(s string) string {
	return strings.TrimSpace(s)[1:]
}
