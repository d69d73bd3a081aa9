// Package migrate applies a service's schema migrations: SQL files named
// NNNN_description.sql, embedded in the service's store package, applied
// in order, each in its own transaction, and recorded in a table shared
// by all the services of a database.
package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Migration is one schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Load reads the migrations of fsys's root directory, sorted by version.
func Load(fsys fs.FS) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var migrations []Migration
	seen := make(map[int]string)
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".sql" {
			continue
		}
		base := strings.TrimSuffix(e.Name(), ".sql")
		num, name, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || version <= 0 || name == "" {
			return nil, fmt.Errorf("migration %s: want a name like 0001_create_table.sql", e.Name())
		}
		if other, dup := seen[version]; dup {
			return nil, fmt.Errorf("migrations %s and %s have the same version", other, e.Name())
		}
		seen[version] = e.Name()
		body, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		migrations = append(migrations, Migration{Version: version, Name: name, SQL: string(body)})
	}
	slices.SortFunc(migrations, func(a, b Migration) int { return a.Version - b.Version })
	return migrations, nil
}

const createTable = `
CREATE TABLE IF NOT EXISTS schema_migrations (
    component  text        NOT NULL,
    version    integer     NOT NULL,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (component, version)
)`

// Up applies the migrations of component found in fsys that the database
// lacks. Concurrent callers (replicas starting together) are serialized
// by an advisory lock.
func Up(ctx context.Context, db *sql.DB, component string, fsys fs.FS, logger *slog.Logger) error {
	migrations, err := Load(fsys)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", component, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()

	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey(component)); err != nil {
		return fmt.Errorf("migrate %s: lock: %w", component, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockKey(component))

	if _, err := conn.ExecContext(ctx, createTable); err != nil {
		return fmt.Errorf("migrate %s: %w", component, err)
	}
	applied, err := appliedVersions(ctx, conn, component)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", component, err)
	}
	for _, m := range migrations {
		if applied[m.Version] {
			continue
		}
		start := time.Now()
		if err := apply(ctx, conn, component, m); err != nil {
			return fmt.Errorf("migrate %s to %04d_%s: %w", component, m.Version, m.Name, err)
		}
		logger.Info("applied migration", slog.String("component", component),
			slog.Int("version", m.Version), slog.String("name", m.Name),
			slog.Duration("took", time.Since(start)))
	}
	return nil
}

func appliedVersions(ctx context.Context, conn *sql.Conn, component string) (map[int]bool, error) {
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations WHERE component = $1`, component)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := make(map[int]bool)
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

func apply(ctx context.Context, conn *sql.Conn, component string, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)`,
		component, m.Version, m.Name); err != nil {
		return err
	}
	return tx.Commit()
}

func lockKey(component string) int64 {
	h := fnv.New64a()
	h.Write([]byte("schema_migrations:" + component))
	return int64(h.Sum64())
}
