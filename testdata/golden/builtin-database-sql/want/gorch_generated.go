//line gorch/aspects/sql/database-sql.yaml:26:13
package sql
//line gorch/aspects/sql/database-sql.yaml:26:13
import __gorch_context "context"
//line gorch/aspects/sql/database-sql.yaml:26:13
import __gorch_atomic "sync/atomic"
//line gorch/aspects/sql/database-sql.yaml:26:13
import _ "unsafe"
//line gorch/aspects/sql/database-sql.yaml:26:13
// __gorch_sqlHook starts the span of one operation, when the
// program set it.
var __gorch_sqlHook __gorch_atomic.Pointer[func(ctx __gorch_context.Context, db *DB, operation, query string, args []any) (__gorch_context.Context, func(error))]

//go:linkname __gorch_setSQLHook
func __gorch_setSQLHook(hook func(ctx __gorch_context.Context, db *DB, operation, query string, args []any) (__gorch_context.Context, func(error))) {
	__gorch_sqlHook.Store(&hook)
}

// __gorch_sqlStart starts the span of one operation; end is nil
// when nothing is traced.
func __gorch_sqlStart(ctx __gorch_context.Context, db *DB, operation, query string, args []any) (_ __gorch_context.Context, end func(error)) {
	if hook := __gorch_sqlHook.Load(); hook != nil && db != nil {
		return (*hook)(ctx, db, operation, query, args)
	}
	return ctx, nil
}
