package store

import (
	"context"
	"errors"
	"net/http"
)

type Store struct{}

//gorch:span store.get
func (s *Store) Get(ctx context.Context, key string) (string, error) {
	if key == "" {
		return "", errors.New("empty key")
	}
	return key, nil
}

//gorch:span
func Handle(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

//gorch:span
func Tidy() {}
