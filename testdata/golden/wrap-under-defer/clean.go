package clean

import "os"

func check(err error) error { return err }

func Clean(name string) error {
	defer os.Remove(name + ".tmp")
	return os.Remove(name)
}
