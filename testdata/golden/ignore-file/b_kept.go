package run

type T struct{}

func (T) Run() {}
