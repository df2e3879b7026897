package metrics_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/crierhq/crier/internal/metrics"
)

// The alert rules and the dashboard in docs/ name only metrics crier has.
func TestDocsNameRealMetrics(t *testing.T) {
	m := metrics.New("test", func(context.Context) (map[string]int, []string, error) {
		return map[string]int{"t": 1}, []string{"t"}, nil
	})
	m.Poll("s", time.Second, 1, nil)
	m.Delivery("t", "sent", "ok", time.Second)
	m.Waited("t", time.Second)
	have := map[string]bool{}
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		have[f.GetName()] = true
	}
	var exprs []string
	var rules struct {
		Groups []struct {
			Rules []struct{ Alert, Expr string }
		}
	}
	data, err := os.ReadFile("../../docs/prometheus-alerts.yaml")
	if err != nil || yaml.Unmarshal(data, &rules) != nil {
		t.Fatalf("alert rules: %v", err)
	}
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			exprs = append(exprs, r.Expr)
		}
	}
	var dash struct {
		Panels []struct {
			Targets []struct{ Expr string }
		}
	}
	data, err = os.ReadFile("../../docs/grafana-dashboard.json")
	if err != nil || json.Unmarshal(data, &dash) != nil {
		t.Fatalf("dashboard: %v", err)
	}
	for _, p := range dash.Panels {
		for _, tg := range p.Targets {
			exprs = append(exprs, tg.Expr)
		}
	}
	name := regexp.MustCompile(`\b(crier|process|go)_[a-z_]+`)
	for _, e := range exprs {
		for _, n := range name.FindAllString(e, -1) {
			base := regexp.MustCompile(`_(bucket|sum|count)$`).ReplaceAllString(n, "")
			if !have[n] && !have[base] {
				t.Errorf("%q names %s, which crier does not export", e, n)
			}
		}
	}
	if len(exprs) < 15 {
		t.Errorf("only %d expressions read", len(exprs))
	}
}

// Subscriber chats share one label: /subscribe must not grow the series, nor
// publish readers' ids.
func TestSubscriberChatsShareOneLabel(t *testing.T) {
	m := metrics.New("test", func(context.Context) (map[string]int, []string, error) {
		return map[string]int{"chat:1001": 2, "chat:1002": 3, "channel": 1}, []string{"chat:1001", "chat:1002", "channel"}, nil
	})
	for i := range 50 {
		m.Delivery(fmt.Sprintf("chat:%d", 1000+i), "sent", "ok", time.Millisecond)
		m.Waited(fmt.Sprintf("chat:%d", 1000+i), time.Millisecond)
	}
	families, _ := m.Registry().Gather()
	for _, f := range families {
		for _, metric := range f.GetMetric() {
			for _, l := range metric.GetLabel() {
				if l.GetName() == "target" && strings.HasPrefix(l.GetValue(), "chat:") {
					t.Errorf("%s has target %q", f.GetName(), l.GetValue())
				}
			}
		}
		if f.GetName() == "crier_deliveries_pending" {
			for _, metric := range f.GetMetric() {
				if metric.GetLabel()[0].GetValue() == "chats" && metric.GetGauge().GetValue() != 5 {
					t.Errorf("pending for chats = %v, want 5", metric.GetGauge().GetValue())
				}
			}
		}
		if f.GetName() == "crier_targets_paused" {
			for _, metric := range f.GetMetric() {
				if metric.GetLabel()[0].GetValue() == "chats" && metric.GetGauge().GetValue() != 2 {
					t.Errorf("paused chats = %v, want 2", metric.GetGauge().GetValue())
				}
			}
		}
		if f.GetName() == "crier_deliveries_total" && len(f.GetMetric()) != 1 {
			t.Errorf("%d delivery series for 50 chats, want 1", len(f.GetMetric()))
		}
	}
}

// The events alerts watch exist at zero from the start, so that their
// first occurrence is an increase Prometheus sees.
func TestKnownTargetsStartAtZero(t *testing.T) {
	m := metrics.New("test", nil)
	m.Known([]string{"channel", "chat:5"})
	families, _ := m.Registry().Gather()
	found := 0
	for _, f := range families {
		if f.GetName() != "crier_deliveries_total" {
			continue
		}
		for _, metric := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range metric.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["outcome"] == "paused" || labels["outcome"] == "failed" {
				found++
				if metric.GetCounter().GetValue() != 0 {
					t.Errorf("%v starts at %v", labels, metric.GetCounter().GetValue())
				}
			}
		}
	}
	if found != 10 { // (paused + 4 failed reasons) for channel and for chats
		t.Errorf("%d paused/failed series, want 10", found)
	}
}
