package span

import "context"

//gorch:span fetch-user
func FetchUser(ctx context.Context, id int) (string, error) {
	return "", nil
}

//gorch:span
func Plain() {}
