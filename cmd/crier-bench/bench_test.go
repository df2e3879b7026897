package main

import (
	"context"
	"strings"
	"testing"
)

// TestSmoke runs the whole suite at tiny sizes, so that it cannot rot: the
// full sizes are for `go run ./cmd/crier-bench` (BENCHMARKS.md).
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds crier and runs every scenario")
	}
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"-smoke", "-postgres", ""}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d:\n%s\n%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"(a) poll cycle, 200 sources, 20 changed", "(b) content pipeline", "(c) Telegram fan-out", "0 answers of 429", "(d) SQLite, 10000 items"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
