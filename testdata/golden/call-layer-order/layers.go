package layers

import "strings"

func first(s string) string  { return "1" + s }
func second(s string) string { return "2" + s }
func third(s string) string  { return "3" + s }

func Clean(s string) string {
	return strings.TrimSpace(s)
}
