//line ops.go:1:1
package ops

import (
	stdctx "context"
)

func Delete(ctx stdctx.Context, key string) error {
	/*line gorch.yaml:12:13*/if err := ctx.Err(); err != nil {
		return err
	}/*line ops.go:7:52*/
	return nil
}

func Rename(ctx stdctx.Context, from, to string) error {
	return nil
}

func Touch(ctx stdctx.Context, key string) (bool, error) {
	return false, nil
}

func Check(key string, ctx stdctx.Context) error {
	return nil
}

func Purge(c stdctx.Context, name string) error {
	/*line gorch.yaml:12:13*/if err := c.Err(); err != nil {
		return err
	}
/*line ops.go:23:50*/ return nil }
