package store

var saves int

func Save(key string) {
	_ = key
}

func Load(key string) string {
	return key
}

func SaveAll() {}
