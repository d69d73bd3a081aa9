// Package logs writes one line through each of zap, logrus and zerolog,
// as JSON on standard output, and one through the standard log package. The program's main package imports none of
// the three itself.
package logs

import (
	"context"
	"log"
	"os"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

var (
	zapLogger = zap.New(zapcore.NewCore(
		zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()),
		zapcore.Lock(os.Stdout),
		zapcore.InfoLevel,
	))
	logrusLogger = &logrus.Logger{
		Out:       os.Stdout,
		Formatter: &logrus.JSONFormatter{},
		Hooks:     make(logrus.LevelHooks),
		Level:     logrus.InfoLevel,
	}
	zerologLogger = zerolog.New(os.Stdout).With().Str("app", "loggers").Logger()
)

// Write logs `what` with an item through each logger. Only the zerolog
// line is handed the context; the other two are written without one.
func Write(ctx context.Context, what, item string) {
	zapLogger.Info("zap "+what, zap.String("item", item))
	zapLogger.Sugar().Infow("sugared "+what, "item", item)
	logrusLogger.WithField("item", item).Info("logrus " + what)
	zerologLogger.Info().Ctx(ctx).Str("item", item).Msg("zerolog " + what)
	log.Printf("stdlib %s item=%s", what, item)
}
