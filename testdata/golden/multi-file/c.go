package files

import "os"

func Create() (*os.File, error) {
	return os.Create(Name)
}

var __gorch_log = 1
