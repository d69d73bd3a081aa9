module example.com/nomatch

go 1.24
