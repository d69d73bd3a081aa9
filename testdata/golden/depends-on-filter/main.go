package main

import "example.com/app/logs"

func main() {
	logs.Write()
}
