module example.com/assignvalue

go 1.23
