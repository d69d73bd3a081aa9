// Hand-tuned; gorch must leave this file alone.
//gorch:ignore

package run

func Run() {}
