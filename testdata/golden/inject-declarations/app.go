package app

func Main() string {
	return "app"
}
