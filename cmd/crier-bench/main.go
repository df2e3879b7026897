// Command crier-bench measures crier against the targets of BENCHMARKS.md on
// loopback: a feed farm, fake Telegram and Mastodon, and the real binary.
//
//	go run ./cmd/crier-bench                 # every scenario at full size
//	go run ./cmd/crier-bench -run poll -sources 2000
//	go run ./cmd/crier-bench -smoke          # tiny sizes: checks the suite works
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
)

type options struct {
	run       string // poll, pipeline, fanout, store, or all
	sources   int
	changed   float64
	posts     int
	items     int
	postgres  string // DSN for the store scenario on PostgreSQL
	smoke     bool
	crierPath string // a built crier binary (default: build one)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("crier-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.run, "run", "all", "scenarios: poll, pipeline, fanout, store or all (comma-separated)")
	fs.IntVar(&o.sources, "sources", 10000, "poll: sources in the farm")
	fs.Float64Var(&o.changed, "changed", 0.1, "poll: share of the feeds that gain an item")
	fs.IntVar(&o.posts, "posts", 1000, "fanout: posts to deliver")
	fs.IntVar(&o.items, "items", 1000000, "store: items stored before the check is measured")
	fs.StringVar(&o.postgres, "postgres", os.Getenv("CRIER_TEST_POSTGRES"), "store: PostgreSQL DSN (default $CRIER_TEST_POSTGRES; empty: SQLite only)")
	fs.BoolVar(&o.smoke, "smoke", false, "tiny sizes, to check the suite runs")
	fs.StringVar(&o.crierPath, "crier", "", "a built crier binary (default: build ./cmd/crier)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.smoke {
		o.sources, o.posts, o.items = 200, 40, 20000
	}
	dir, err := os.MkdirTemp("", "crier-bench-")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if os.Getenv("CRIER_BENCH_KEEP") == "" {
		defer os.RemoveAll(dir)
	} else {
		fmt.Fprintln(stderr, "crier-bench: keeping", dir)
	}
	fmt.Fprintf(stdout, "crier-bench: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	want := map[string]bool{}
	for _, s := range strings.Split(o.run, ",") {
		want[strings.TrimSpace(s)] = true
	}
	all := want["all"]
	failed := false
	report := func(err error) {
		if err != nil {
			fmt.Fprintln(stderr, "crier-bench:", err)
			failed = true
		}
	}
	if all || want["poll"] {
		report(scenarioPoll(ctx, o, dir, stdout))
	}
	if all || want["pipeline"] {
		report(scenarioPipeline(o, stdout))
	}
	if all || want["fanout"] {
		report(scenarioFanout(ctx, o, dir, stdout))
	}
	if all || want["store"] {
		report(scenarioStore(ctx, o, dir, stdout))
	}
	if failed {
		return 1
	}
	return 0
}

// repoRoot finds the repository from the working directory up.
func repoRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.Contains(string(data), "module github.com/crierhq/crier\n") {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// buildCrier compiles the binary the way the Dockerfile does.
func buildCrier(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "crier")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags", "-s -w", "-o", bin, "./cmd/crier")
	cmd.Dir = repoRoot()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

func scenarioPoll(ctx context.Context, o options, dir string, w io.Writer) error {
	bin := o.crierPath
	if bin == "" {
		var err error
		if bin, err = buildCrier(ctx, dir); err != nil {
			return err
		}
	}
	sizes := []int{o.sources}
	if !o.smoke && o.sources == 10000 {
		sizes = []int{2000, 10000}
	}
	for _, n := range sizes {
		sub := filepath.Join(dir, fmt.Sprintf("poll-%d", n))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		first, cycle, err := benchPoll(ctx, bin, sub, n, o.changed, "sqlite:"+filepath.Join(sub, "crier.db"))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "(a) poll cycle, %d sources, %d changed: wall %.1fs, CPU %.2fs (%.3f CPU-s per 1000 sources), peak RSS %.1f MB\n",
			n, cycle.Changed, cycle.Wall.Seconds(), cycle.CPU.Seconds(), cycle.CPUPer1000(), float64(cycle.PeakRSS)/1e6)
		fmt.Fprintf(w, "    first cycle (every item recorded as seen): wall %.1fs, CPU %.2fs, peak RSS %.1f MB\n",
			first.Wall.Seconds(), first.CPU.Seconds(), float64(first.PeakRSS)/1e6)
		fmt.Fprintf(w, "    %s\n", cycle.Output)
	}
	return nil
}
