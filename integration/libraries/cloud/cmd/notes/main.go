// notes is an HTTP service that keeps notes in S3 and an index of them in
// DynamoDB, through aws-sdk-go-v2 (the endpoint from AWS_ENDPOINT_URL).
// Each request to /note/{name} puts the note and reads it back, then
// records and reads its index entry, the DynamoDB calls from a goroutine
// with no context. The S3 client carries an API option of the program's
// own, which counts the operations it sends (the count is in each
// answer). It has no instrumentation of its own.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	var operations atomic.Int64
	counting := func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("count",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				operations.Add(1)
				return next.HandleInitialize(ctx, in)
			}), middleware.After)
	}
	store := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.UsePathStyle = true
		o.APIOptions = append(o.APIOptions, counting)
	})
	index := dynamodb.NewFromConfig(cfg)

	if _, err := store.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("notes")}); err != nil {
		log.Fatal(err)
	}
	if _, err := index.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String("notes"),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("name"), AttributeType: types.ScalarAttributeTypeS}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("name"), KeyType: types.KeyTypeHash}},
		BillingMode:          types.BillingModePayPerRequest,
	}); err != nil {
		log.Fatal(err)
	}

	http.HandleFunc("GET /note/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if _, err := store.PutObject(r.Context(), &s3.PutObjectInput{
			Bucket: aws.String("notes"), Key: aws.String(name), Body: strings.NewReader("note " + name),
		}); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		object, err := store.GetObject(r.Context(), &s3.GetObjectInput{Bucket: aws.String("notes"), Key: aws.String(name)})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		body, _ := io.ReadAll(object.Body)
		object.Body.Close()

		// Work handed to a goroutine, with no context to carry the request.
		var indexed int
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := map[string]types.AttributeValue{"name": &types.AttributeValueMemberS{Value: name}}
			if _, err := index.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String("notes"), Item: key}); err != nil {
				log.Print(err)
				return
			}
			out, err := index.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("notes"), Key: key})
			if err != nil {
				log.Print(err)
				return
			}
			indexed = len(out.Item)
		}()
		wg.Wait()
		fmt.Fprintf(w, "%s, indexed %d, S3 operations %d\n", body, indexed, operations.Load())
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
