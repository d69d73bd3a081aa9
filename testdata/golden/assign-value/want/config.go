//line config.go:1:1
package golden

/*line gorch.yaml:27:22*/import __gorch_regexp "regexp"

/*line gorch.yaml:19:22*/import __gorch_time "time"/*line config.go:1:15*/

import (
	"regexp"
	"time"
)

var Debug bool = /*line gorch.yaml:11:22*/true/*line config.go:8:15*/

var (
	Verbose, Quiet bool = /*line gorch.yaml:11:22*/true/*line config.go:11:29*/, /*line gorch.yaml:11:22*/true/*line config.go:11:36*/
	Timeout            = /*line gorch.yaml:19:22*/2 * (/*line config.go:12:23*/3 * time.Second)/*line gorch.yaml:19:34*/ + __gorch_time.Second/*line config.go:12:38*/
	//gorch:name service
	Name string = /*line gorch.yaml:35:22*/"service/golden"/*line config.go:14:21*/
	Other string = "kept"
)

const Level int = 1

var Words *regexp.Regexp = /*line gorch.yaml:27:22*/__gorch_regexp.MustCompile(`^[a-z]+$`)/*line config.go:20:25*/

var a, b = pair()

func pair() (int, int) { return 1, 2 }
