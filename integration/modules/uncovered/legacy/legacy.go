// Package legacy reaches the old orders store, Cassandra, through gocql, for
// which gorch has no aspect.
package legacy

import "github.com/gocql/gocql"

// Cluster is the orders store's configuration.
func Cluster(hosts ...string) *gocql.ClusterConfig {
	cluster := gocql.NewCluster(hosts...)
	cluster.Keyspace = "orders"
	return cluster
}
