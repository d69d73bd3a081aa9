//line parse.go:1:1
package parse

/*line gorch.yaml:12:13*/import __gorch_log "log"/*line parse.go:1:14*/

import "strconv"

func Parse(s string) (__gorch_r0 /*line parse.go:5:23*/int, __gorch_r1 /*line parse.go:5:28*/error) {
	/*line gorch.yaml:12:13*/defer func() {
		if __gorch_r1 != nil {
			__gorch_log.Printf("Parse -> %d: %v", __gorch_r0, __gorch_r1)
		}
	}()/*line parse.go:5:36*/
	return strconv.Atoi(s)
}

type File struct{}

func (f *File) Close() (__gorch_r0 /*line parse.go:11:24*/error)/*line parse.go:11:29*/ {
	/*line gorch.yaml:27:13*/defer func() { __gorch_log.Println("close:", __gorch_r0) }()/*line parse.go:11:31*/
	return nil
}
