package handler

type Handler interface {
	Handle(string, int, bool)
}

type impl struct{}

func (impl) Handle(string, int, bool) {}

func Ignore(_ string, _ int, keep bool) bool {
	return keep
}
