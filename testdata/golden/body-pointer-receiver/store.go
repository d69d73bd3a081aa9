package store

import "sync"

type Store struct {
	mu   sync.Mutex
	data map[string]string
}

type View struct {
	mu   *sync.Mutex
	data map[string]string
}

func (s *Store) Put(k, v string) {
	s.data[k] = v
}

func (v View) Put(k, val string) {
	v.data[k] = val
}

func (*Store) Name() string { return "store" }
