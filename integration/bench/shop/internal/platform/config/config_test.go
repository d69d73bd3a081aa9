package config

import (
	"strings"
	"testing"
	"time"
)

func TestEnv(t *testing.T) {
	env := FromMap(map[string]string{
		"ORDERS_DATABASE_URL":      "postgres://localhost/orders",
		"ORDERS_DB_MAX_OPEN_CONNS": "7",
		"ORDERS_HTTP_ADDR":         " :9000 ",
		"ORDERS_HTTP_IDLE_TIMEOUT": "90s",
		"ALLOWED_ORIGINS":          "https://shop.example, ,https://admin.example",
	})
	db := env.Database("ORDERS_")
	srv := env.HTTPServer("ORDERS_", ":8080")
	origins := env.List("ALLOWED_ORIGINS", nil)
	if err := env.Err(); err != nil {
		t.Fatal(err)
	}
	if db.DSN != "postgres://localhost/orders" || db.MaxOpenConns != 7 || db.MaxIdleConns != 5 || !db.Migrate {
		t.Errorf("database = %+v", db)
	}
	if srv.Addr != ":9000" || srv.IdleTimeout != 90*time.Second || srv.WriteTimeout != 30*time.Second {
		t.Errorf("server = %+v", srv)
	}
	if len(origins) != 2 || origins[1] != "https://admin.example" {
		t.Errorf("origins = %q", origins)
	}
}

func TestEnvReportsEveryProblem(t *testing.T) {
	env := FromMap(map[string]string{"DB_MAX_OPEN_CONNS": "many", "DB_MIGRATE": "perhaps"})
	env.Database("")
	err := env.Err()
	if err == nil {
		t.Fatal("expected errors")
	}
	for _, want := range []string{"DATABASE_URL: required", "DB_MAX_OPEN_CONNS: not an integer", "DB_MIGRATE: not a boolean"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}
