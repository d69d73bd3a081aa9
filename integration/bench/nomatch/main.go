// Command nomatch is the benchmark's program: a typical set of standard
// library dependencies (HTTP, TLS, JSON, templates, SQL) that none of the
// benchmark's aspects matches.
package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"path": r.URL.Path})
	})
	t := template.Must(template.New("x").Parse("{{.}}"))
	_ = t.Execute(os.Stdout, "ok")
	slog.Info("ready", "drivers", sql.Drivers())
	fmt.Println(len(os.Args))
	if len(os.Args) > 5 {
		_ = http.ListenAndServe(":0", mux)
	}
}
