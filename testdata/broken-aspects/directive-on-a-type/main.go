package main

//gorch:trace
type Point struct{ X, Y int }

func main() { println(Point{1, 2}.X) }
