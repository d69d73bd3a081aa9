module gorch.example/bench/measure

go 1.26.0
