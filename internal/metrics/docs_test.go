package metrics_test

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/crierhq/crier/internal/metrics"
)

// The alert rules and the dashboard in docs/ name only metrics crier has.
func TestDocsNameRealMetrics(t *testing.T) {
	m := metrics.New("test", func(context.Context) (map[string]int, error) { return map[string]int{"t": 1}, nil })
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
