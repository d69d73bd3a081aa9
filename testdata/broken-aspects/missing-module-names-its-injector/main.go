package main

//gorch:span
func work(n int) int { return n * 2 }

func main() { println(work(21)) }
