package cart

import "errors"

var ErrEmpty = errors.New("empty")

// Check validates a cart.
func Check(items int) error {
	if items < 0 {
		return errors.New("negative")
	}
	return nil
}
