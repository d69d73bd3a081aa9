module example.com/methodcall

go 1.24
