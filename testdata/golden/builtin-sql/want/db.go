//line db.go:1:1
package db

/*line gorch/aspects/otel-sql.yaml:8*/import __gorch_otelsql "github.com/XSAM/otelsql"/*line db.go:1:11*/

import (
	"database/sql"
	"database/sql/driver"
)

func Open(dsn string) (*sql.DB, error) {
	return __gorch_otelsql.Open/*line db.go:9:17*/("sqlite", dsn)
}

func FromConnector(c driver.Connector) *sql.DB {
	return __gorch_otelsql.OpenDB/*line db.go:13:19*/(c)
}


var _ = sql.Open // kept: replace-function took its call

var _ = sql.OpenDB // kept: replace-function took its call
