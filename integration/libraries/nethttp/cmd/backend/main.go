// Command backend serves items over HTTPS with echo, from SQLite through
// database/sql. It has no tracing code and no signal handling: SIGTERM
// ends it.
//
//	GET /items/:id  the item's name, and in X-Driver-Conn the type of the
//	                connection database/sql hands Conn.Raw
//	GET /flaky      503 on every other call, 200 otherwise
package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"sync/atomic"

	"github.com/labstack/echo/v4"
	"modernc.org/sqlite"
)

func main() {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items VALUES (42, 'widget')"); err != nil {
		panic(err)
	}
	// The program's own view of its driver: gorch must not change it.
	if _, ok := db.Driver().(*sqlite.Driver); !ok {
		panic(fmt.Sprintf("db.Driver() is a %T", db.Driver()))
	}

	var calls atomic.Int64
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/items/:id", func(c echo.Context) error {
		ctx := c.Request().Context()
		var name string
		if err := db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", c.Param("id")).Scan(&name); err != nil {
			return c.String(http.StatusNotFound, err.Error())
		}
		c.Response().Header().Set("X-Driver-Conn", driverConn(ctx, db))
		return c.String(http.StatusOK, name)
	})
	e.GET("/flaky", func(c echo.Context) error {
		if calls.Add(1)%2 == 1 {
			return c.String(http.StatusServiceUnavailable, "try again")
		}
		return c.String(http.StatusOK, "steady")
	})
	// echo serves TLS from its own new(http.Server), started by a method
	// call on that field.
	if err := e.StartTLS(os.Getenv("LISTEN"), os.Getenv("CERT"), os.Getenv("KEY")); err != nil && err != http.ErrServerClosed {
		e.Logger.Fatal(err)
	}
}

// driverConn is the type of the driver connection that Conn.Raw hands.
func driverConn(ctx context.Context, db *sql.DB) string {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err.Error()
	}
	defer conn.Close()
	var kind string
	conn.Raw(func(c any) error {
		kind = fmt.Sprintf("%T", c)
		return nil
	})
	return kind
}
