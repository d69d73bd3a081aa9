module example.com/inject

go 1.24
