//line config.go:1:1
package config

/*line gorch.yaml:11:22*/import __gorch_strings "strings"/*line config.go:1:15*/

import "strings"

type Config struct {
	Name string
}

func logged(r *strings.Replacer) *strings.Replacer { return r }

func New(s string) Config {
	return Config{Name: /*line gorch.yaml:11:22*/__gorch_strings.ToUpper(/*line gorch.yaml:17:22*/logged(/*line config.go:12:22*/strings.NewReplacer("-", "_")/*line gorch.yaml:17:37*/)/*line config.go:12:51*/.Replace(s)/*line gorch.yaml:11:50*/)/*line config.go:12:62*/}
}
