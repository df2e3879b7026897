// Package metrics is what crier tells Prometheus: polls, fetch latency, new
// items, deliveries by outcome, queue depth, rate-limit waits and the last
// success of every source and target. One Metrics per process, on its own
// registry (no global state), served by /metrics.
package metrics

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics records crier's work.
type Metrics struct {
	reg *prometheus.Registry

	polls         *prometheus.CounterVec
	fetchSeconds  *prometheus.HistogramVec
	newItems      *prometheus.CounterVec
	sourceSuccess *prometheus.GaugeVec
	deliveries    *prometheus.CounterVec
	sendSeconds   *prometheus.HistogramVec
	targetSuccess *prometheus.GaugeVec
	rateWait      *prometheus.CounterVec
}

// Queue reads, when Prometheus scrapes, the store's view of the targets,
// which all replicas share: each target's open deliveries, and the paused
// ones.
type Queue func(ctx context.Context) (open map[string]int, paused []string, err error)

// New builds the metrics with the Go runtime's and the process's, and
// crier's build; queue, if set, is read at every scrape.
func New(version string, queue Queue) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		reg: reg,
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "crier_polls_total",
			Help: "Polls of a source by result: new (items to post), unchanged (nothing new, 304 included), error."},
			[]string{"source", "result"}),
		fetchSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "crier_fetch_duration_seconds",
			Help:    "How long a source's feed took to download.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"source"}),
		newItems: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "crier_new_items_total",
			Help: "Items found new, to be posted."}, []string{"source"}),
		sourceSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "crier_source_last_success_timestamp_seconds",
			Help: "When a source was last polled without error (Unix time)."}, []string{"source"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "crier_deliveries_total",
			Help: "Delivery attempts by outcome (sent, retry, failed, paused) and reason (ok, rate_limited, transient, permanent, too_long, moved, blocked, render, gave_up)."},
			[]string{"target", "outcome", "reason"}),
		sendSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "crier_send_duration_seconds",
			Help:    "How long a platform took to answer a post.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"target"}),
		targetSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "crier_target_last_success_timestamp_seconds",
			Help: "When a target last accepted a post (Unix time)."}, []string{"target"}),
		rateWait: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "crier_rate_limit_wait_seconds_total",
			Help: "Time posts waited for a platform's rate limits before being sent."}, []string{"target"}),
	}
	reg.MustRegister(m.polls, m.fetchSeconds, m.newItems, m.sourceSuccess, m.deliveries, m.sendSeconds,
		m.targetSuccess, m.rateWait,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	build := prometheus.NewGauge(prometheus.GaugeOpts{Name: "crier_build_info", Help: "crier's version.",
		ConstLabels: prometheus.Labels{"version": version}})
	build.Set(1)
	reg.MustRegister(build)
	if queue != nil {
		reg.MustRegister(&queueCollector{read: queue,
			desc: prometheus.NewDesc("crier_deliveries_pending",
				"Deliveries waiting to be sent (pending or in flight), by target.", []string{"target"}, nil),
			paused: prometheus.NewDesc("crier_targets_paused",
				"Targets paused (the platform refused them; posts kept until an admin resumes them): 1 for a configured target, the number of chats for \"chats\".", []string{"target"}, nil)})
	}
	return m
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, Timeout: 10 * time.Second})
}

// Registry is where the metrics live (tests gather from it).
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Poll records one poll of a source: its outcome, how long the fetch took
// (0: no fetch, as for a paused source) and the items found new.
func (m *Metrics) Poll(source string, fetch time.Duration, newItems int, err error) {
	result := "unchanged"
	switch {
	case err != nil:
		result = "error"
	case newItems > 0:
		result = "new"
	}
	m.polls.WithLabelValues(source, result).Inc()
	if fetch > 0 {
		m.fetchSeconds.WithLabelValues(source).Observe(fetch.Seconds())
	}
	if newItems > 0 {
		m.newItems.WithLabelValues(source).Add(float64(newItems))
	}
	if err == nil {
		m.sourceSuccess.WithLabelValues(source).Set(float64(time.Now().Unix()))
	}
}

// subscriberTarget is the one label all subscriber chats ("chat:<id>")
// share: a label per reader would grow without bound with /subscribe, and
// put readers' Telegram ids on /metrics.
const subscriberTarget = "chats"

// targetLabel is the target's label value.
func targetLabel(target string) string {
	if strings.HasPrefix(target, "chat:") {
		return subscriberTarget
	}
	return target
}

// Delivery records one attempt to post: outcome sent, retry, failed or
// paused; reason one of a few words (see the metric's help); took is the
// platform's answer time.
func (m *Metrics) Delivery(target, outcome, reason string, took time.Duration) {
	target = targetLabel(target)
	m.deliveries.WithLabelValues(target, outcome, reason).Inc()
	if took > 0 {
		m.sendSeconds.WithLabelValues(target).Observe(took.Seconds())
	}
	if outcome == "sent" {
		m.targetSuccess.WithLabelValues(target).Set(float64(time.Now().Unix()))
	}
}

// Waited records time a post waited for a rate limit.
func (m *Metrics) Waited(target string, d time.Duration) {
	target = targetLabel(target)
	if d > 0 {
		m.rateWait.WithLabelValues(target).Add(d.Seconds())
	}
}

// Known creates the series of the events alerts watch for, at zero, for
// the configured targets: a counter that first appears at 1 shows no
// increase to Prometheus, and its alert would never fire.
func (m *Metrics) Known(targets []string) {
	for _, t := range targets {
		t = targetLabel(t)
		m.deliveries.WithLabelValues(t, "paused", "blocked")
		for _, reason := range []string{"permanent", "gave_up", "render", "too_long"} {
			m.deliveries.WithLabelValues(t, "failed", reason)
		}
		m.deliveries.WithLabelValues(t, "retry", "rate_limited")
	}
}

// queueCollector reads the queue depth and the paused targets from the
// store at scrape time: the store, not this process, knows what all
// replicas have queued.
type queueCollector struct {
	read         Queue
	desc, paused *prometheus.Desc
}

func (q *queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- q.desc; ch <- q.paused }

func (q *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	open, paused, err := q.read(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(q.desc, err)
		return
	}
	pausedBy := map[string]int{}
	for _, t := range paused {
		pausedBy[targetLabel(t)]++
	}
	for target, n := range pausedBy {
		ch <- prometheus.MustNewConstMetric(q.paused, prometheus.GaugeValue, float64(n), target)
	}
	byLabel := map[string]int{}
	for target, n := range open {
		byLabel[targetLabel(target)] += n
	}
	for target, n := range byLabel {
		ch <- prometheus.MustNewConstMetric(q.desc, prometheus.GaugeValue, float64(n), target)
	}
}
