package golden

var calls int

type Transport struct{ name string }

// RoundTrip sends one request.
func (*Transport) RoundTrip(string) (string, error) {
	if calls > 100 {
		return "", nil
	}
	return "ok", nil
}

// Other is left alone.
func (t *Transport) Other(req string) string { return req }
