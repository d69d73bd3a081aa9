package migrate

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadSortsByVersion(t *testing.T) {
	fsys := fstest.MapFS{
		"0010_add_index.sql":     {Data: []byte("CREATE INDEX ...")},
		"0002_create_orders.sql": {Data: []byte("CREATE TABLE orders ()")},
		"README.md":              {Data: []byte("not a migration")},
	}
	ms, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Version != 2 || ms[0].Name != "create_orders" || ms[1].Version != 10 {
		t.Fatalf("migrations = %+v", ms)
	}
}

func TestLoadRejectsBadNames(t *testing.T) {
	for name, want := range map[string]string{
		"create.sql":            "want a name like",
		"0000_init.sql":         "want a name like",
		"0001_a.sql|0001_b.sql": "same version",
	} {
		fsys := fstest.MapFS{}
		for n := range strings.SplitSeq(name, "|") {
			fsys[n] = &fstest.MapFile{Data: []byte("SELECT 1")}
		}
		if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error = %v, want %q", name, err, want)
		}
	}
}
