// Package database opens the services' Postgres pools (pgx through
// database/sql) and holds the helpers their stores share.
package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/telemetry"
)

// Queryer is what *sql.DB and *sql.Tx have in common; store methods that
// may run inside a transaction take one.
type Queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var (
	_ Queryer = (*sql.DB)(nil)
	_ Queryer = (*sql.Tx)(nil)
)

// Open opens a pool for cfg and waits, up to cfg.ConnectTimeout, until
// the database answers.
func Open(ctx context.Context, cfg config.Database, logger *slog.Logger) (*sql.DB, error) {
	db, err := telemetry.OpenDB("pgx", cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	db.SetMaxOpenConns(cfg.MaxOpenConns)
	db.SetMaxIdleConns(cfg.MaxIdleConns)
	db.SetConnMaxLifetime(cfg.ConnMaxLifetime)

	ctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	defer cancel()
	backoff := 250 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err = db.PingContext(ctx)
		if err == nil {
			return db, nil
		}
		logger.Warn("database not ready", slog.Int("attempt", attempt), slog.Any("error", err))
		select {
		case <-ctx.Done():
			db.Close()
			return nil, fmt.Errorf("database not reachable: %w", err)
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
}

// WithTx runs fn in a transaction, committing when fn returns nil and
// rolling back otherwise (also when fn panics).
func WithTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}

// Postgres error codes the stores translate.
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
	codeCheckViolation      = "23514"
	codeSerializationFailed = "40001"
)

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// IsUniqueViolation reports whether err is a duplicate key, optionally of
// the named constraint.
func IsUniqueViolation(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == codeUniqueViolation &&
		(constraint == "" || pgErr.ConstraintName == constraint)
}

// IsForeignKeyViolation reports whether err references a missing row.
func IsForeignKeyViolation(err error) bool { return pgCode(err) == codeForeignKeyViolation }

// IsCheckViolation reports whether err breaks a CHECK constraint.
func IsCheckViolation(err error) bool { return pgCode(err) == codeCheckViolation }

// NotFound turns sql.ErrNoRows into a NotFound error naming what was
// looked up, and wraps other errors as internal.
func NotFound(err error, what, id string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.NotFoundf("%s %s not found", what, id)
	}
	if pgCode(err) == codeSerializationFailed {
		return apperr.Wrap(err, apperr.Aborted, "concurrent update, try again")
	}
	return fmt.Errorf("load %s %s: %w", what, id, err)
}

// NullString is the NULL-able form of s, NULL when empty.
func NullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// NullTime is the NULL-able form of t, NULL when zero.
func NullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }
