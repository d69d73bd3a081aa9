package golden

import (
	"regexp"
	"time"
)

var Debug bool

var (
	Verbose, Quiet bool = false, false
	Timeout            = 3 * time.Second
	//gorch:name service
	Name string = "app"
	Other string = "kept"
)

const Level int = 1

var Words *regexp.Regexp

var a, b = pair()

func pair() (int, int) { return 1, 2 }
