package ops

import (
	stdctx "context"
)

func Delete(ctx stdctx.Context, key string) error {
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

func Purge(c stdctx.Context, name string) error { return nil }
