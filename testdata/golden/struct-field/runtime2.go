package golden

type (
	m struct{ id int64 }

	// g is a goroutine.
	g struct {
		goid   uint64
		m      *m // current m
		labels any
	}
)

type empty struct{}
