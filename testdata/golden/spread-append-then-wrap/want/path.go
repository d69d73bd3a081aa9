//line path.go:1:1
package path

import (
	"path/filepath"
	"strings"
)

func trim(xs []string) []string { return xs }

func Path(s string) string {
	return filepath.Join(append(append([]string(nil), /*line gorch.yaml:14:22*/trim(/*line path.go:11:23*/strings.Fields(s)/*line gorch.yaml:14:35*/)/*line path.go:11:40*/...), /*line gorch.yaml:8:21*/"end").../*line path.go:11:43*/)
}
