package path

import (
	"path/filepath"
	"strings"
)

func trim(xs []string) []string { return xs }

func Path(s string) string {
	return filepath.Join(strings.Fields(s)...)
}
