// Command ferretdb runs FerretDB (a server that speaks MongoDB's wire
// protocol, from the Go module proxy) with its SQLite backend, on $LISTEN,
// keeping its data in $DATA: the MongoDB server of the document-store
// tests. No MongoDB server is packaged for Debian.
package main

import (
	"context"
	"log"
	"log/slog"
	"os"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: os.Getenv("LISTEN")},
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		Handler:   "sqlite",
		SQLiteURL: "file:" + os.Getenv("DATA") + "/",
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Run(context.Background()); err != nil {
		log.Fatal(err)
	}
}
