//line transport.go:1:1
package golden

var calls int

type Transport struct{ name string }

// RoundTrip sends one request.
func (__gorch_recv /*line transport.go:8:7*/*Transport) RoundTrip(__gorch_p0 /*line transport.go:8:29*/string) (string, error) {
	/*line gorch.yaml:18:13*/original := func(__gorch_recv *Transport, __gorch_p0 string) (string, error) /*line transport.go:8:53*/{
	/*line gorch.yaml:30:21*/calls++/*line transport.go:8:54*/
	if calls > 100 {
		return "", nil
	}
	return "ok", nil
}/*line gorch.yaml:18:109*/
	if hook := roundTripHook; hook != nil {
		return hook(__gorch_recv, __gorch_p0, func(r string) (string, error) { return original(__gorch_recv, r) })
	}
	return original(__gorch_recv, __gorch_p0)
}/*line transport.go:13:2*/

// Other is left alone.
func (t *Transport) Other(req string) string { return req }
