module example.com/uncovered

go 1.26.0

require (
	github.com/go-chi/chi/v5 v5.5.0
	github.com/julienschmidt/httprouter v1.3.0
)
