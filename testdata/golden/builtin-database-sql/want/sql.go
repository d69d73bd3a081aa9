//line sql.go:1:1
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

func (db *DB) queryDC(ctx, txctx context.Context, dc *driverConn, releaseConn func(error), query string, args []any) (__gorch_r0 /*line sql.go:30:119*/*Rows, __gorch_r1 /*line sql.go:30:126*/error) {
	/*line gorch/aspects/sql/database-sql.yaml:55:13*/var __gorch_end func(error)
	ctx, __gorch_end = __gorch_sqlStart(ctx, db, "", query, args)
	if __gorch_end != nil {
		defer func() { __gorch_end(__gorch_r1) }()
	}/*line sql.go:30:134*/
	return &Rows{}, nil
}

func (db *DB) execDC(ctx context.Context, dc *driverConn, release func(error), query string, args []any) (res Result, err error) {
	/*line gorch/aspects/sql/database-sql.yaml:55:13*/var __gorch_end func(error)
	ctx, __gorch_end = __gorch_sqlStart(ctx, db, "", query, args)
	if __gorch_end != nil {
		defer func() { __gorch_end(err) }()
	}/*line sql.go:34:131*/
	defer func() {
		release(err)
	}()
	return nil, nil
}

func (db *DB) beginDC(ctx context.Context, dc *driverConn, release func(error), opts *TxOptions) (tx *Tx, err error) {
	/*line gorch/aspects/sql/database-sql.yaml:105:13*/if _, __gorch_end := __gorch_sqlStart(ctx, db, "BEGIN", "", nil); __gorch_end != nil {
		defer func() { __gorch_end(err) }()
	}/*line sql.go:41:119*/
	return &Tx{db: db, ctx: ctx}, nil
}

func (s *Stmt) ExecContext(ctx context.Context, args ...any) (__gorch_r0 /*line sql.go:45:63*/Result, __gorch_r1 /*line sql.go:45:71*/error) {
	/*line gorch/aspects/sql/database-sql.yaml:87:13*/var __gorch_end func(error)
	ctx, __gorch_end = __gorch_sqlStart(ctx, s.db, "", s.query, args)
	if __gorch_end != nil {
		defer func() { __gorch_end(__gorch_r1) }()
	}/*line sql.go:45:79*/
	return nil, nil
}

func (s *Stmt) QueryContext(ctx context.Context, args ...any) (__gorch_r0 /*line sql.go:49:64*/*Rows, __gorch_r1 /*line sql.go:49:71*/error) {
	/*line gorch/aspects/sql/database-sql.yaml:87:13*/var __gorch_end func(error)
	ctx, __gorch_end = __gorch_sqlStart(ctx, s.db, "", s.query, args)
	if __gorch_end != nil {
		defer func() { __gorch_end(__gorch_r1) }()
	}/*line sql.go:49:79*/
	return &Rows{}, nil
}

func (tx *Tx) Commit() (__gorch_r0 /*line sql.go:53:24*/error)/*line sql.go:53:29*/ {
	/*line gorch/aspects/sql/database-sql.yaml:118:13*/if _, __gorch_end := __gorch_sqlStart(tx.ctx, tx.db, "COMMIT", "", nil); __gorch_end != nil {
		defer func() { __gorch_end(__gorch_r0) }()
	}/*line sql.go:53:31*/
	return nil
}

func (tx *Tx) Rollback() (__gorch_r0 /*line sql.go:57:26*/error)/*line sql.go:57:31*/ {
	/*line gorch/aspects/sql/database-sql.yaml:131:13*/if _, __gorch_end := __gorch_sqlStart(tx.ctx, tx.db, "ROLLBACK", "", nil); __gorch_end != nil {
		defer func() { __gorch_end(__gorch_r0) }()
	}/*line sql.go:57:33*/
	return nil
}
