package größe

import "strconv"

func quote(s string) string { return "«" + s + "»" }

func Größe(n int) string { ü := "→ñ"; return ü + strconv.Itoa(n) + "€" }
