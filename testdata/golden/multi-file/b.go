package files

import "os"

func Read() (*os.File, error) {
	return os.Open(Name)
}
