// Command receiver is the OTLP receiver of gorch's end-to-end tests. It
// serves the OTLP/gRPC trace, metrics and logs services and OTLP/HTTP with
// protobuf (POST /v1/traces, /v1/metrics, /v1/logs), decodes requests with
// the official OTLP protobuf definitions (go.opentelemetry.io/proto/otlp),
// and writes one line per span to its output file:
//
//	service <TAB> trace id <TAB> span id <TAB> parent span id <TAB> kind <TAB> name <TAB> status <TAB> attributes
//
// one line per metric data point to the file named by -metrics:
//
//	service <TAB> metric name <TAB> kind (SUM, GAUGE, HISTOGRAM, ...) <TAB> count or value <TAB> attributes
//
// and one line per log record to the file named by -logs:
//
//	service <TAB> trace id <TAB> span id <TAB> severity text <TAB> body <TAB> attributes
//
// where attributes are key=value pairs separated by ";", sorted by key.
// On start it prints "listening ADDRESS" (gRPC) and "listening-http
// ADDRESS" on standard output.
package main

import (
	"compress/gzip"
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"

	collectorlogs "go.opentelemetry.io/proto/otlp/collector/logs/v1"
	collectormetrics "go.opentelemetry.io/proto/otlp/collector/metrics/v1"
	collectortrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	common "go.opentelemetry.io/proto/otlp/common/v1"
	metrics "go.opentelemetry.io/proto/otlp/metrics/v1"
	resource "go.opentelemetry.io/proto/otlp/resource/v1"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
)

// output is a file the receiver appends lines to.
type output struct {
	mu      sync.Mutex
	file    *os.File
	regular bool
}

func create(path string) *output {
	file, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	info, err := file.Stat()
	if err != nil {
		log.Fatal(err)
	}
	// A regular file is synced after each export; /dev/null is not.
	return &output{file: file, regular: info.Mode().IsRegular()}
}

func (o *output) write(lines []string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, line := range lines {
		if _, err := fmt.Fprintln(o.file, line); err != nil {
			return err
		}
	}
	if !o.regular {
		return nil
	}
	return o.file.Sync()
}

type receiver struct {
	collectortrace.UnimplementedTraceServiceServer
	out *output
}

type metricsReceiver struct {
	collectormetrics.UnimplementedMetricsServiceServer
	out *output
}

type logsReceiver struct {
	collectorlogs.UnimplementedLogsServiceServer
	out *output
}

func serviceName(r *resource.Resource) string {
	for _, kv := range r.GetAttributes() {
		if kv.GetKey() == "service.name" {
			return value(kv.GetValue())
		}
	}
	return "?"
}

func attributes(kvs []*common.KeyValue) string {
	var attrs []string
	for _, kv := range kvs {
		attrs = append(attrs, kv.GetKey()+"="+value(kv.GetValue()))
	}
	sort.Strings(attrs)
	return strings.Join(attrs, ";")
}

func (r *metricsReceiver) Export(_ context.Context, req *collectormetrics.ExportMetricsServiceRequest) (*collectormetrics.ExportMetricsServiceResponse, error) {
	var lines []string
	for _, rm := range req.GetResourceMetrics() {
		service := serviceName(rm.GetResource())
		for _, sm := range rm.GetScopeMetrics() {
			for _, m := range sm.GetMetrics() {
				point := func(kind string, count string, kvs []*common.KeyValue) {
					lines = append(lines, strings.Join([]string{service, m.GetName(), kind, count, attributes(kvs)}, "\t"))
				}
				switch data := m.GetData().(type) {
				case *metrics.Metric_Sum:
					for _, p := range data.Sum.GetDataPoints() {
						point("SUM", number(p), p.GetAttributes())
					}
				case *metrics.Metric_Gauge:
					for _, p := range data.Gauge.GetDataPoints() {
						point("GAUGE", number(p), p.GetAttributes())
					}
				case *metrics.Metric_Histogram:
					for _, p := range data.Histogram.GetDataPoints() {
						point("HISTOGRAM", fmt.Sprint(p.GetCount()), p.GetAttributes())
					}
				case *metrics.Metric_ExponentialHistogram:
					for _, p := range data.ExponentialHistogram.GetDataPoints() {
						point("EXPONENTIAL_HISTOGRAM", fmt.Sprint(p.GetCount()), p.GetAttributes())
					}
				default:
					point("OTHER", "", nil)
				}
			}
		}
	}
	return &collectormetrics.ExportMetricsServiceResponse{}, r.out.write(lines)
}

func number(p *metrics.NumberDataPoint) string {
	switch v := p.GetValue().(type) {
	case *metrics.NumberDataPoint_AsInt:
		return fmt.Sprint(v.AsInt)
	case *metrics.NumberDataPoint_AsDouble:
		return fmt.Sprint(v.AsDouble)
	}
	return ""
}

func (r *logsReceiver) Export(_ context.Context, req *collectorlogs.ExportLogsServiceRequest) (*collectorlogs.ExportLogsServiceResponse, error) {
	var lines []string
	for _, rl := range req.GetResourceLogs() {
		service := serviceName(rl.GetResource())
		for _, sl := range rl.GetScopeLogs() {
			for _, record := range sl.GetLogRecords() {
				lines = append(lines, strings.Join([]string{
					service,
					hex.EncodeToString(record.GetTraceId()),
					hex.EncodeToString(record.GetSpanId()),
					record.GetSeverityText(),
					strings.ReplaceAll(value(record.GetBody()), "\n", " "),
					attributes(record.GetAttributes()),
				}, "\t"))
			}
		}
	}
	return &collectorlogs.ExportLogsServiceResponse{}, r.out.write(lines)
}

func (r *receiver) Export(_ context.Context, req *collectortrace.ExportTraceServiceRequest) (*collectortrace.ExportTraceServiceResponse, error) {
	var lines []string
	for _, rs := range req.GetResourceSpans() {
		service := serviceName(rs.GetResource())
		for _, ss := range rs.GetScopeSpans() {
			for _, span := range ss.GetSpans() {
				lines = append(lines, strings.Join([]string{
					service,
					hex.EncodeToString(span.GetTraceId()),
					hex.EncodeToString(span.GetSpanId()),
					hex.EncodeToString(span.GetParentSpanId()),
					strings.TrimPrefix(span.GetKind().String(), "SPAN_KIND_"),
					span.GetName(),
					strings.TrimPrefix(span.GetStatus().GetCode().String(), "STATUS_CODE_"),
					attributes(span.GetAttributes()),
				}, "\t"))
			}
		}
	}
	return &collectortrace.ExportTraceServiceResponse{}, r.out.write(lines)
}

func value(v *common.AnyValue) string {
	switch x := v.GetValue().(type) {
	case *common.AnyValue_StringValue:
		return x.StringValue
	case *common.AnyValue_IntValue:
		return fmt.Sprint(x.IntValue)
	case *common.AnyValue_BoolValue:
		return fmt.Sprint(x.BoolValue)
	case *common.AnyValue_DoubleValue:
		return fmt.Sprint(x.DoubleValue)
	default:
		return fmt.Sprint(v)
	}
}

// httpReceiver serves OTLP/HTTP with protobuf: what it receives is
// written like what is received over gRPC.
type httpReceiver struct {
	traces  *receiver
	metrics *metricsReceiver
	logs    *logsReceiver
}

func (r httpReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var body io.Reader = req.Body
	if req.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(req.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = gz
	}
	data, err := io.ReadAll(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var response proto.Message
	switch req.URL.Path {
	case "/v1/traces":
		var export collectortrace.ExportTraceServiceRequest
		if err = proto.Unmarshal(data, &export); err == nil {
			response, err = r.traces.Export(req.Context(), &export)
		}
	case "/v1/metrics":
		var export collectormetrics.ExportMetricsServiceRequest
		if err = proto.Unmarshal(data, &export); err == nil {
			response, err = r.metrics.Export(req.Context(), &export)
		}
	case "/v1/logs":
		var export collectorlogs.ExportLogsServiceRequest
		if err = proto.Unmarshal(data, &export); err == nil {
			response, err = r.logs.Export(req.Context(), &export)
		}
	default:
		http.NotFound(w, req)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out, err := proto.Marshal(response)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-protobuf")
	w.Write(out)
}

func main() {
	addr := flag.String("listen", "127.0.0.1:0", "address to serve OTLP/gRPC on")
	httpAddr := flag.String("listen-http", "127.0.0.1:0", "address to serve OTLP/HTTP on")
	spans := flag.String("out", "spans.tsv", "file to write spans to")
	metricPoints := flag.String("metrics", os.DevNull, "file to write metric data points to")
	logRecords := flag.String("logs", os.DevNull, "file to write log records to")
	flag.Parse()

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	httpLis, err := net.Listen("tcp", *httpAddr)
	if err != nil {
		log.Fatal(err)
	}
	traces := &receiver{out: create(*spans)}
	metricsRec := &metricsReceiver{out: create(*metricPoints)}
	logsRec := &logsReceiver{out: create(*logRecords)}
	server := grpc.NewServer()
	collectortrace.RegisterTraceServiceServer(server, traces)
	collectormetrics.RegisterMetricsServiceServer(server, metricsRec)
	collectorlogs.RegisterLogsServiceServer(server, logsRec)
	fmt.Println("listening", lis.Addr())
	fmt.Println("listening-http", httpLis.Addr())
	go http.Serve(httpLis, httpReceiver{traces, metricsRec, logsRec})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		server.GracefulStop()
	}()
	if err := server.Serve(lis); err != nil {
		log.Fatal(err)
	}
}
