// till is an HTTP service on MariaDB through go-sql-driver/mysql, with
// sqlx for reads and gorm for writes, as many services mix them. Each
// request to /order/{item} reads the item's price with sqlx (with the
// request's context), records the order with gorm (in gorm's transaction),
// reads it back with gorm, and counts the orders from a goroutine with no
// context. It has no instrumentation of its own.
package main

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"

	"github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"
	gormmysql "gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

type Order struct {
	ID    uint
	Item  string
	Price int
}

func main() {
	server := mysql.NewConfig()
	server.User, server.Net, server.Addr = "root", "tcp", os.Getenv("MYSQL_ADDR")
	admin, err := sql.Open("mysql", server.FormatDSN())
	if err != nil {
		log.Fatal(err)
	}
	if _, err := admin.Exec("CREATE DATABASE shop"); err != nil {
		log.Fatal(err)
	}
	admin.Close()

	server.DBName = "shop"
	db := sqlx.MustOpen("mysql", server.FormatDSN())
	db.MustExec("CREATE TABLE prices (item VARCHAR(32) PRIMARY KEY, price INT NOT NULL)")
	db.MustExec("INSERT INTO prices VALUES ('apple', 3), ('pear', 4)")
	orm, err := gorm.Open(gormmysql.New(gormmysql.Config{Conn: db.DB}), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		log.Fatal(err)
	}
	if err := orm.AutoMigrate(&Order{}); err != nil {
		log.Fatal(err)
	}

	http.HandleFunc("GET /order/{item}", func(w http.ResponseWriter, r *http.Request) {
		var price int
		if err := db.GetContext(r.Context(), &price, "SELECT price FROM prices WHERE item = ?", r.PathValue("item")); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		order := Order{Item: r.PathValue("item"), Price: price}
		if err := orm.WithContext(r.Context()).Create(&order).Error; err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		var stored Order
		if err := orm.WithContext(r.Context()).First(&stored, order.ID).Error; err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}

		// Work handed to a goroutine, with no context to carry the request.
		var orders int
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := db.Get(&orders, "SELECT count(*) FROM orders"); err != nil {
				log.Print(err)
			}
		}()
		wg.Wait()
		fmt.Fprintf(w, "order %d: %s at %d, %d orders\n", stored.ID, stored.Item, stored.Price, orders)
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
