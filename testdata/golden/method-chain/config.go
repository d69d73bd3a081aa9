package config

import "strings"

type Config struct {
	Name string
}

func logged(r *strings.Replacer) *strings.Replacer { return r }

func New(s string) Config {
	return Config{Name: strings.NewReplacer("-", "_").Replace(s)}
}
