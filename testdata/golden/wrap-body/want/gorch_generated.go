//line gorch.yaml:15:13
package golden
//line gorch.yaml:15:13
var roundTripHook func(t *Transport, req string, next func(string) (string, error)) (string, error)
