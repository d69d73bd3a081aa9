package db

import (
	"database/sql"
	"database/sql/driver"
)

func Open(dsn string) (*sql.DB, error) {
	return sql.Open("sqlite", dsn)
}

func FromConnector(c driver.Connector) *sql.DB {
	return sql.OpenDB(c)
}
