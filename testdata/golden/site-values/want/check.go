//line check.go:1:1
package cart

/*line gorch.yaml:10:13*/import __gorch_fmt "fmt"/*line check.go:1:13*/

import "errors"

var ErrEmpty = /*line gorch.yaml:10:13*/__gorch_fmt.Errorf("%w (at check.go:5 in example.com/shop/cart, where-called)", /*line check.go:5:16*/errors.New("empty")/*line gorch.yaml:10:110*/)/*line check.go:5:35*/

// Check validates a cart.
func Check(items int) error {
	/*line gorch.yaml:19:13*/println("where-defined: cart.Check at check.go:8")/*line check.go:8:30*/
	if items < 0 {
		return /*line gorch.yaml:10:13*/__gorch_fmt.Errorf("%w (at check.go:10 in example.com/shop/cart, where-called)", /*line check.go:10:10*/errors.New("negative")/*line gorch.yaml:10:110*/)/*line check.go:10:32*/
	}
	return nil
}
