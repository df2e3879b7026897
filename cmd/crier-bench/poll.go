package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
)

// pollResult is one measured `crier once` over the farm.
type pollResult struct {
	Sources, Changed int
	Wall             time.Duration
	CPU              time.Duration // user + system of the crier process
	PeakRSS          int64         // bytes
	Output           string        // crier's summary line
}

// CPUPer1000 is the cycle's CPU per thousand sources.
func (r pollResult) CPUPer1000() float64 { return r.CPU.Seconds() / float64(r.Sources) * 1000 }

// farm is the loopback feed farm: n feeds of ten items, a few paragraphs
// each, answering 304 to conditional requests when unchanged.
type farm struct {
	srv   *feedserver.Server
	items [][]feedserver.Item
	rnd   *rand.Rand
}

// newFarmItems is a farm without a server, for its items.
func newFarmItems() *farm { return &farm{rnd: rand.New(rand.NewPCG(1, 2))} }

func newFarm(n int) *farm {
	f := &farm{srv: feedserver.New(), items: make([][]feedserver.Item, n), rnd: rand.New(rand.NewPCG(1, 2))}
	for i := range n {
		for k := range 10 {
			f.items[i] = append(f.items[i], f.item(i, k))
		}
		f.publish(i)
	}
	return f
}

func (f *farm) path(i int) string { return fmt.Sprintf("/feeds/%05d.xml", i) }

func (f *farm) publish(i int) {
	f.srv.SetItems(f.path(i), fmt.Sprintf("Source %d", i), f.items[i])
}

// grow adds one item to a share of the feeds, spread over the farm.
func (f *farm) grow(share float64) int {
	n := len(f.items)
	changed := int(float64(n) * share)
	for c := range changed {
		i := c * n / changed
		f.items[i] = append([]feedserver.Item{f.item(i, len(f.items[i]))}, f.items[i][:9]...)
		f.publish(i)
	}
	return changed
}

var words = strings.Fields(`the council budget river bridge harvest election museum festival tram school hospital
winter market vineyard airport court library stadium forest railway minister parliament border talks agreement
company prices exports farmers teachers students doctors weather storm flood drought energy pipeline port
village city region province capital officials residents workers reporters police court judge law reform`)

func (f *farm) sentence() string {
	n := 8 + f.rnd.IntN(14)
	w := make([]string, n)
	for i := range w {
		w[i] = words[f.rnd.IntN(len(words))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

// noise are the lines aggregators wrap stories in, in the languages crier's
// sources use: each item carries a few, so the cleaner's rules of every
// language run (and are compiled) as they would on real feeds.
var noise = []string{
	"By Jane Doe, Reuters", "Share this article on Facebook", "Photo: AP Photo/John Smith",
	"© 2026 Reuters. All rights reserved.", "Read more: Parliament passes the budget",
	"Kaynak: Anadolu Ajansı", "Haberin devamı için tıklayınız", "Fotoğraf: AA",
	"Фото: РИА Новости / Иван Петров", "Подписывайтесь на наш канал в Telegram", "Источник: ТАСС",
	"Աղբյուրը՝ Արմենպրես", "Լուսանկարը՝ Photolure", "Կիսվել Facebook-ում",
	"29.11.2026, 14:05", "Updated 3 hours ago",
}

func (f *farm) item(source, k int) feedserver.Item {
	var body strings.Builder
	fmt.Fprintf(&body, "<p>%s</p>", noise[f.rnd.IntN(len(noise))])
	for range 3 + f.rnd.IntN(3) {
		body.WriteString("<p>")
		for range 2 + f.rnd.IntN(3) {
			body.WriteString(f.sentence() + " ")
		}
		body.WriteString("</p>")
	}
	fmt.Fprintf(&body, "<p>%s</p><p>%s</p>", noise[f.rnd.IntN(len(noise))], noise[f.rnd.IntN(len(noise))])
	return feedserver.Item{
		GUID:        fmt.Sprintf("https://s%05d.example/%d", source, k),
		Title:       strings.TrimSuffix(f.sentence(), "."),
		Link:        fmt.Sprintf("https://s%05d.example/%d", source, k),
		Author:      "Staff",
		Description: body.String(),
		Published:   time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(source*100+k) * time.Minute),
	}
}

// pollConfig writes a config polling every feed of the farm into a console
// target, in dir, on the given storage.
func pollConfig(dir string, f *farm, storage string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "storage: %s\nschedule: \"*/10 * * * *\"\ndedupe: {disabled: false}\nsources:\n", storage)
	for i := range f.items {
		fmt.Fprintf(&b, "  - {id: s%05d, name: Source %d, url: %q, language: en, full_text: never}\n", i, i, f.srv.URL(f.path(i)))
	}
	b.WriteString("targets:\n  - {id: out, publisher: console}\n")
	path := filepath.Join(dir, "crier.yaml")
	return path, os.WriteFile(path, []byte(b.String()), 0o600)
}

// runOnce runs `crier once` and measures it as a child process.
func runOnce(ctx context.Context, bin, config string) (pollResult, error) {
	cmd := exec.CommandContext(ctx, bin, "once", "--config", config, "--log-level", "warn")
	cmd.Env = os.Environ()
	if v := os.Getenv("CRIER_BENCH_GODEBUG"); v != "" {
		cmd.Env = append(cmd.Env, "GODEBUG="+v) // crier's, not the bench's (gctrace=1)
	}
	if prof := os.Getenv("CRIER_BENCH_PROFILE"); prof != "" {
		// Profiles of the measured cycle (the last run) for pprof.
		cmd.Env = append(cmd.Env, "CRIER_CPUPROFILE="+prof+".cpu", "CRIER_MEMPROFILE="+prof+".mem")
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr // the console target's posts are not the point
	if os.Getenv("CRIER_BENCH_RSS") != "" {
		cmd.Stderr = io.MultiWriter(&stderr, os.Stderr) // with GODEBUG=gctrace=1, the heap's story
	}
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return pollResult{}, err
	}
	if os.Getenv("CRIER_BENCH_RSS") != "" {
		go traceRSS(cmd.Process.Pid, began)
	}
	// The child's own high-water mark: rusage's maxrss of a child can
	// count the parent's pages (this process holds the whole farm).
	var peak atomic.Int64
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			kb, ok := procField(cmd.Process.Pid, "VmHWM:")
			if !ok {
				return
			}
			peak.Store(kb * 1024)
			time.Sleep(10 * time.Millisecond)
		}
	}()
	err := cmd.Wait()
	wall := time.Since(began)
	<-sampled
	if err != nil && cmd.ProcessState == nil {
		return pollResult{}, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return pollResult{}, fmt.Errorf("no rusage")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	out := strings.TrimSpace(stderr.String())
	if err != nil && !strings.Contains(out, "crier once:") {
		return pollResult{}, fmt.Errorf("crier once: %v: %s", err, out)
	}
	return pollResult{Wall: wall, CPU: cpu, PeakRSS: peak.Load(), Output: lastLine(out)}, nil
}

func lastLine(s string) string {
	if i := strings.LastIndex(s, "\n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// benchPoll measures (a): a cycle over n sources with share changed, after
// a first cycle that records every feed's items as seen.
func benchPoll(ctx context.Context, bin, dir string, n int, share float64, storage string) (first, cycle pollResult, err error) {
	f := newFarm(n)
	defer f.srv.Close()
	config, err := pollConfig(dir, f, storage)
	if err != nil {
		return first, cycle, err
	}
	if first, err = runOnce(ctx, bin, config); err != nil {
		return first, cycle, err
	}
	first.Sources = n
	changed := f.grow(share)
	if cycle, err = runOnce(ctx, bin, config); err != nil {
		return first, cycle, err
	}
	cycle.Sources, cycle.Changed = n, changed
	return first, cycle, nil
}

// procField reads a "Name:   123 kB" line of /proc/PID/status.
func procField(pid int, name string) (int64, bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, name); ok {
			var kb int64
			_, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb)
			return kb, err == nil
		}
	}
	return 0, false
}

// traceRSS prints the child's resident memory every 100 ms (a debugging aid
// for where the peak comes from).
//
// With CRIER_BENCH_SMAPS=FILE, the child's /proc/PID/smaps at its highest
// sample is written to FILE, to see where the pages are.
func traceRSS(pid int, began time.Time) {
	smapsTo := os.Getenv("CRIER_BENCH_SMAPS")
	var highest int64
	for {
		kb, ok := procField(pid, "VmRSS:")
		if !ok {
			return
		}
		anon, _ := procField(pid, "RssAnon:")
		file, _ := procField(pid, "RssFile:")
		fmt.Fprintf(os.Stderr, "rss %5.2fs %d kB (anonymous %d, file %d)\n", time.Since(began).Seconds(), kb, anon, file)
		if smapsTo != "" && kb > highest {
			if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps", pid)); err == nil {
				highest = kb
				_ = os.WriteFile(smapsTo, b, 0o644)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
}
