// Package middleware holds the gin middleware every HTTP service installs:
// request ids, panic recovery, access logs and error responses.
package middleware

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/requestid"
)

// RequestID takes the request id from the X-Request-Id header, or makes
// one, echoes it in the response and puts it in the request's context.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := requestid.Sanitize(c.GetHeader(requestid.Header))
		c.Header(requestid.Header, id)
		ctx := requestid.With(c.Request.Context(), id)
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// Recovery turns a panic in a handler into a 500 response and an error
// log with the stack.
func Recovery(logger *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			logger.ErrorContext(c.Request.Context(), "panic serving request",
				slog.String("panic", fmt.Sprint(p)),
				slog.String("route", c.FullPath()),
				slog.String("stack", string(debug.Stack())))
			if !c.Writer.Written() {
				c.AbortWithStatusJSON(http.StatusInternalServerError,
					apperr.ToBody(apperr.New(apperr.Internal, "internal error"), requestid.From(c.Request.Context())))
			}
		}()
		c.Next()
	}
}

// AccessLog logs one line per request; probes are logged at debug level.
func AccessLog(logger *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		level := slog.LevelInfo
		switch status := c.Writer.Status(); {
		case status >= 500:
			level = slog.LevelError
		case status >= 400:
			level = slog.LevelWarn
		case c.Request.URL.Path == "/healthz" || c.Request.URL.Path == "/readyz":
			level = slog.LevelDebug
		}
		logger.LogAttrs(c.Request.Context(), level, "request",
			slog.String("method", c.Request.Method),
			slog.String("route", c.FullPath()),
			slog.String("path", c.Request.URL.Path),
			slog.Int("status", c.Writer.Status()),
			slog.Int("bytes", c.Writer.Size()),
			slog.Duration("took", time.Since(start)),
			slog.String("client_ip", c.ClientIP()))
	}
}

// Errors writes the response of a handler that failed with c.Error:
// the status and body follow the last error's kind.
func Errors() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) == 0 || c.Writer.Written() {
			return
		}
		err := c.Errors.Last().Err
		status := apperr.HTTPStatus(err)
		if status >= 500 {
			logging.FromContext(c.Request.Context()).ErrorContext(c.Request.Context(), "request failed",
				logging.Err(err), slog.String("route", c.FullPath()))
		}
		c.JSON(status, apperr.ToBody(err, requestid.From(c.Request.Context())))
	}
}

// NotFound answers unknown routes in the services' error format.
func NotFound(c *gin.Context) {
	c.JSON(http.StatusNotFound, apperr.ToBody(apperr.NotFoundf("no route for %s %s", c.Request.Method, c.Request.URL.Path),
		requestid.From(c.Request.Context())))
}

// Fail records err for Errors and stops the chain.
func Fail(c *gin.Context, err error) {
	_ = c.Error(err)
	c.Abort()
}

// BindJSON decodes the request body into v, failing the request with an
// InvalidArgument error when it is malformed.
func BindJSON(c *gin.Context, v any) bool {
	if err := c.ShouldBindJSON(v); err != nil {
		Fail(c, apperr.Wrap(err, apperr.InvalidArgument, "malformed request body"))
		return false
	}
	return true
}
