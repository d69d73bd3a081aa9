package typed

//gorch:span
type Config struct{}
