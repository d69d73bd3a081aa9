package paths

import "path"

func clean(p string) string { return path.Clean(p) }

func Nested(a, b, c string) string {
	return path.Join(path.Join(a, b), c)
}

func Args(a string) string {
	return path.Join(a, path.Join(a, "x"), path.Join("y", a))
}
