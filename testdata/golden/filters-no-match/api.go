package api

func Serve() {}
