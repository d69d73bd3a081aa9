module example.com/samepackage

go 1.24
