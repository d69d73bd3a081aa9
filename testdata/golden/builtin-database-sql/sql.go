package sql

import (
	"context"
	"database/sql/driver"
)

type DB struct {
	connector driver.Connector
}

type driverConn struct{}

type Rows struct{}

type Result interface{}

type Stmt struct {
	db    *DB
	query string
}

type Tx struct {
	db  *DB
	ctx context.Context
}

type TxOptions struct{}

func (db *DB) queryDC(ctx, txctx context.Context, dc *driverConn, releaseConn func(error), query string, args []any) (*Rows, error) {
	return &Rows{}, nil
}

func (db *DB) execDC(ctx context.Context, dc *driverConn, release func(error), query string, args []any) (res Result, err error) {
	defer func() {
		release(err)
	}()
	return nil, nil
}

func (db *DB) beginDC(ctx context.Context, dc *driverConn, release func(error), opts *TxOptions) (tx *Tx, err error) {
	return &Tx{db: db, ctx: ctx}, nil
}

func (s *Stmt) ExecContext(ctx context.Context, args ...any) (Result, error) {
	return nil, nil
}

func (s *Stmt) QueryContext(ctx context.Context, args ...any) (*Rows, error) {
	return &Rows{}, nil
}

func (tx *Tx) Commit() error {
	return nil
}

func (tx *Tx) Rollback() error {
	return nil
}
