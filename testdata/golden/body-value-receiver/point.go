package geo

type Point struct{ X, Y int }

func (p Point) Len() int { return p.X + p.Y }

func (Point) Zero() Point { return Point{} }

func (p *Point) Move(dx int) {
	p.X += dx
}
