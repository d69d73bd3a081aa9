//line size.go:1:1
package größe

import "strconv"

func quote(s string) string { return "«" + s + "»" }

func Größe(n int) string { ü := "→ñ"; return ü + /*line gorch.yaml:7:22*/quote(/*line size.go:7:57*/strconv.Itoa(n)/*line gorch.yaml:7:36*/)/*line size.go:7:72*/ + "€" }
