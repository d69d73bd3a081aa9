package golden

type Level int

const (
	Low Level = iota
	Middle
	High
	Other = "x"
)
