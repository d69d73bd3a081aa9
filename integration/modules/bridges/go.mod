module example.com/bridges

go 1.23
