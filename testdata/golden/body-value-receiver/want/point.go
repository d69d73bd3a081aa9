//line point.go:1:1
package geo

/*line gorch.yaml:12:13*/import __gorch_fmt "fmt"/*line point.go:1:12*/

type Point struct{ X, Y int }

func (p Point) Len() int {
	/*line gorch.yaml:12:13*/__gorch_fmt.Println("Len", p)
/*line point.go:5:27*/ return p.X + p.Y }

func (__gorch_recv /*line point.go:7:7*/Point) Zero() Point {
	/*line gorch.yaml:12:13*/__gorch_fmt.Println("Zero", __gorch_recv)
/*line point.go:7:28*/ return Point{} }

func (p *Point) Move(dx int) {
	p.X += dx
}
