package main

import (
	"fmt"
	"net/http"

	"example.com/assignvalue/settings"
)

func main() {
	fmt.Println("debug", settings.Debug, settings.Verbose, settings.Quiet)
	fmt.Println("greeting", settings.Greeting, settings.Farewell)
	fmt.Println("retries", settings.Retries, settings.Low, settings.Middle)
	fmt.Println("timeout", settings.Timeout)
	fmt.Println("max header bytes", http.DefaultMaxHeaderBytes)
}
