package db

import (
	"database/sql"
	"os"
)

func Open() (*sql.DB, error) {
	return sql.Open("sqlite", os.Getenv("DSN"))
}
