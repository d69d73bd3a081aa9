package driver

import (
	"database/sql"
	"database/sql/driver"
	"testing"
)

// A driver's own test reaches its connection type through Conn.Raw:
// otelsql's wrapper would fail the assertion, so sql.Open stays.
func TestRaw(t *testing.T) {
	db, err := sql.Open("mydriver", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	var _ driver.Conn
	_ = db
}
