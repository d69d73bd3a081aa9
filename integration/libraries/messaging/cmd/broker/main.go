// broker is a Kafka broker for the tests: franz-go's kfake, which speaks
// Kafka's wire protocol, on 127.0.0.1:$KAFKA_PORT with the topics "orders" and "bills".
package main

import (
	"log"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/twmb/franz-go/pkg/kfake"
)

func main() {
	port, err := strconv.Atoi(os.Getenv("KAFKA_PORT"))
	if err != nil {
		log.Fatal("KAFKA_PORT: ", err)
	}
	cluster, err := kfake.NewCluster(kfake.Ports(port), kfake.SeedTopics(1, "orders", "bills"))
	if err != nil {
		log.Fatal(err)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
	cluster.Close()
}
