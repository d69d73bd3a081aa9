// Command proxy is an HTTP CONNECT proxy on $LISTEN that writes
// "CONNECT host:port" to standard output for every tunnel it opens, so
// that a test can see that a client's proxy setting took effect.
package main

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
)

var mu sync.Mutex

func main() {
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), http.HandlerFunc(tunnel)))
}

func tunnel(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodConnect {
		http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
		return
	}
	upstream, err := net.Dial("tcp", r.Host)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	client, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		upstream.Close()
		return
	}
	say("CONNECT %s", r.Host)
	io.WriteString(client, "HTTP/1.1 200 Connection established\r\n\r\n")
	go func() {
		io.Copy(upstream, client)
		upstream.Close()
	}()
	io.Copy(client, upstream)
	client.Close()
}

func say(format string, args ...any) {
	mu.Lock()
	defer mu.Unlock()
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}
