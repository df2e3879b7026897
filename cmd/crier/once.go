package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/crierhq/crier/internal/dispatch"
	"github.com/crierhq/crier/internal/model"
)

// Report is what one `once` pass did.
type Report struct {
	Polled, PollErrors, NewItems, Enqueued int
	// Duplicates counts new items that told a story already enqueued; the
	// targets that had it got a skipped delivery.
	Duplicates int
	Delivery   dispatch.Stats
	// Waiting counts deliveries still pending after the pass: retries whose
	// time has not come, including those of earlier runs.
	Waiting  int
	Problems []string
}

// OK tells whether everything went well.
func (r Report) OK() bool {
	return len(r.Problems) == 0 && r.Delivery.Retried == 0 && r.Delivery.Failed == 0 && r.Waiting == 0
}

func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "polled %d source(s), %d failed; %d new item(s) (%d duplicate(s) of earlier stories), %d delivery(ies) queued; sent %d, to retry %d, failed %d; %d waiting",
		r.Polled, r.PollErrors, r.NewItems, r.Duplicates, r.Enqueued, r.Delivery.Sent, r.Delivery.Retried, r.Delivery.Failed, r.Waiting)
	for _, p := range append(r.Problems, r.Delivery.Problems...) {
		b.WriteString("\n  " + p)
	}
	return b.String()
}

// Once polls every source once, then delivers everything due.
func (m *Main) Once(ctx context.Context) Report {
	var rep Report
	var mu sync.Mutex
	sem := make(chan struct{}, m.cfg.Fetch.Concurrency)
	var wg sync.WaitGroup
	for _, src := range m.sources.All() {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			res, err := m.pipeline.Poll(ctx, src)
			mu.Lock()
			defer mu.Unlock()
			rep.Polled++
			rep.NewItems += res.New
			rep.Enqueued += res.Enqueued
			rep.Duplicates += res.Duplicates
			if err != nil {
				rep.PollErrors++
				rep.Problems = append(rep.Problems, err.Error())
			}
		}()
	}
	wg.Wait()
	if _, err := m.dispatcher.Drain(ctx); err != nil {
		rep.Problems = append(rep.Problems, "dispatch: "+err.Error())
	}
	rep.Delivery = m.dispatcher.TakeStats()
	counts, err := m.store.DeliveryCounts(context.WithoutCancel(ctx))
	if err != nil {
		rep.Problems = append(rep.Problems, "count deliveries: "+err.Error())
	}
	for _, t := range m.cfg.Targets {
		rep.Waiting += counts[t.ID][model.DeliveryPending] + counts[t.ID][model.DeliverySending]
	}
	return rep
}

func cmdOnce(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	m, code := openFromFlags(ctx, "once", args, stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	rep := m.Once(ctx)
	fmt.Fprintln(stderr, "crier once:", rep)
	if !rep.OK() {
		return 1
	}
	return 0
}
