package run

import "strconv"

type Job struct{}

// Run is excluded.
//
//gorch:ignore
func (Job) Run() string {
	return strconv.Itoa(1)
}

type Task struct{}

func (Task) Run() string {
	return strconv.Itoa(2)
}

//gorch:ignore
var ignored = strconv.Itoa(3)

var kept = strconv.Itoa(4)
