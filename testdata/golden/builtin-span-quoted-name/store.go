package store

import "context"

// A span name with a quote and a backslash stays one Go string.
//
//gorch:span store."get"\all
func Get(ctx context.Context, key string) (string, error) {
	return key, nil
}
