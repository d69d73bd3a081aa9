package parse

import "strconv"

func Parse(s string) (int, error) {
	return strconv.Atoi(s)
}

type File struct{}

func (f *File) Close() error {
	return nil
}
