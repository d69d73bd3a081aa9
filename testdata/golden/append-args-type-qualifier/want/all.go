//line all.go:1:1
package all

/*line gorch.yaml:10:21*/import __gorch_io "io"

/*line gorch.yaml:10:21*/import __gorch_strings "strings"/*line all.go:1:12*/

import stdio "io"

func All(rs []stdio.Reader) stdio.Reader {
	return stdio.MultiReader(append(append([]__gorch_io.Reader(nil), /*line all.go:6:27*/rs...), /*line gorch.yaml:10:21*/__gorch_strings.NewReader("end")).../*line all.go:6:32*/)
}
