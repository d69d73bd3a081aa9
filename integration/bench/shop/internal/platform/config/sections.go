package config

import "time"

// Common settings the services share. Each takes a prefix so one process
// can have several of a kind, e.g. ORDERS_HTTP_ADDR and ADMIN_HTTP_ADDR.

// Service names the process in logs.
type Service struct {
	Name      string
	LogLevel  string
	LogFormat string
}

func (e *Env) Service(name string) Service {
	return Service{
		Name:      e.String("SERVICE_NAME", name),
		LogLevel:  e.String("LOG_LEVEL", "info"),
		LogFormat: e.String("LOG_FORMAT", "json"),
	}
}

// Database configures a pool of Postgres connections.
type Database struct {
	DSN             string
	MaxOpenConns    int
	MaxIdleConns    int
	ConnMaxLifetime time.Duration
	ConnectTimeout  time.Duration
	Migrate         bool
}

func (e *Env) Database(prefix string) Database {
	return Database{
		DSN:             e.Required(prefix + "DATABASE_URL"),
		MaxOpenConns:    e.Int(prefix+"DB_MAX_OPEN_CONNS", 20),
		MaxIdleConns:    e.Int(prefix+"DB_MAX_IDLE_CONNS", 5),
		ConnMaxLifetime: e.Duration(prefix+"DB_CONN_MAX_LIFETIME", 30*time.Minute),
		ConnectTimeout:  e.Duration(prefix+"DB_CONNECT_TIMEOUT", 30*time.Second),
		Migrate:         e.Bool(prefix+"DB_MIGRATE", true),
	}
}

// HTTPServer configures a listening HTTP server.
type HTTPServer struct {
	Addr              string
	ReadHeaderTimeout time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	ShutdownTimeout   time.Duration
}

func (e *Env) HTTPServer(prefix, defAddr string) HTTPServer {
	return HTTPServer{
		Addr:              e.String(prefix+"HTTP_ADDR", defAddr),
		ReadHeaderTimeout: e.Duration(prefix+"HTTP_READ_HEADER_TIMEOUT", 5*time.Second),
		WriteTimeout:      e.Duration(prefix+"HTTP_WRITE_TIMEOUT", 30*time.Second),
		IdleTimeout:       e.Duration(prefix+"HTTP_IDLE_TIMEOUT", 2*time.Minute),
		ShutdownTimeout:   e.Duration(prefix+"HTTP_SHUTDOWN_TIMEOUT", 15*time.Second),
	}
}

// GRPCServer configures a listening gRPC server.
type GRPCServer struct {
	Addr            string
	MaxRecvMsgSize  int
	ShutdownTimeout time.Duration
}

func (e *Env) GRPCServer(prefix, defAddr string) GRPCServer {
	return GRPCServer{
		Addr:            e.String(prefix+"GRPC_ADDR", defAddr),
		MaxRecvMsgSize:  e.Int(prefix+"GRPC_MAX_RECV_MSG_SIZE", 4<<20),
		ShutdownTimeout: e.Duration(prefix+"GRPC_SHUTDOWN_TIMEOUT", 15*time.Second),
	}
}

// Upstream is another service this one calls.
type Upstream struct {
	Target  string
	Timeout time.Duration
}

func (e *Env) Upstream(prefix, defTarget string) Upstream {
	return Upstream{
		Target:  e.String(prefix+"TARGET", defTarget),
		Timeout: e.Duration(prefix+"TIMEOUT", 5*time.Second),
	}
}
