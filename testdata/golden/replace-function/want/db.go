//line db.go:1:1
package db

/*line gorch.yaml:2*/import __gorch_otelsql "github.com/XSAM/otelsql"/*line db.go:1:11*/

import (
	"database/sql"
	"os"
)

func Open() (*sql.DB, error) {
	return __gorch_otelsql.Open/*line db.go:9:17*/("sqlite", os.Getenv("DSN"))
}


var _ = sql.Open // kept: replace-function took its call
