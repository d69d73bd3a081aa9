package lib

import "strings"

func normalize(s string) string {
	return strings.ToLower(s)
}

func Key(s string) string {
	return normalize(s) + ":"
}
