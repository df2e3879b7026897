package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/crierhq/crier/bot"
	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/model"
)

// Run polls every source on its schedule and delivers until ctx ends, then
// stops claiming work, lets what is in flight finish and returns.
func (m *Main) Run(ctx context.Context) error {
	mux := http.NewServeMux()
	var hook atomic.Pointer[bot.Webhook] // set once the bot is ready
	if m.tg != nil && m.cfg.Telegram.Updates == config.UpdatesWebhook {
		mux.HandleFunc(webhookPath(m.cfg), func(w http.ResponseWriter, r *http.Request) {
			h := hook.Load()
			if h == nil {
				http.Error(w, "starting", http.StatusServiceUnavailable) // Telegram tries again
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	srv, ln, err := m.listenHTTP(mux)
	if err != nil {
		return err
	}
	// The listener outlives ctx: while the work in flight drains,
	// /readyz answers 503 (a balancer stops sending) and /healthz 200.
	served, drained := make(chan struct{}), make(chan struct{})
	var drainOnce sync.Once
	endHTTP := func() { drainOnce.Do(func() { close(drained) }) }
	defer endHTTP()
	go func() {
		defer close(served)
		if srv != nil {
			m.serveHTTP(ctx, srv, ln, drained)
		}
	}()
	sched := cron.New(cron.WithLocation(m.cfg.Location), cron.WithChain(cron.Recover(cronLogger{m})))
	sem := make(chan struct{}, m.cfg.Fetch.Concurrency)
	shared := m.store.Dialect().Name == "postgres"
	var polls sync.WaitGroup // the start-up polls; cron tracks its own jobs
	// poll polls src for the latest due time of its schedule, unless
	// another process sharing the store took that due time. A poll that
	// waited for a free slot past the next due time stands for that one
	// (whose own tick was skipped while this one waited).
	poll := func(src model.Source, every cron.Schedule) {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-sem }()
		slot := prevDue(every, time.Now().In(m.cfg.Location))
		// Only replicas sharing PostgreSQL need the claim: on SQLite it
		// would be one more write per poll for a single process.
		if shared {
			ok, err := m.store.ClaimPoll(ctx, src.ID, slot)
			if err != nil {
				m.log.Warn("claim a poll", "source", src.ID, "err", err)
				return
			}
			if !ok {
				m.log.Debug("poll taken by another process", "source", src.ID, "due", slot)
				return
			}
		}
		m.log.Debug("polling", "source", src.ID, "due", slot)
		res, err := m.pipeline.Poll(ctx, src)
		if ctx.Err() == nil && !res.NotDue { // a paused or backing-off source was not polled
			m.metrics.Poll(src.ID, res.FetchTime, res.New, err)
		}
		if err == nil {
			m.dispatcher.Wake()
		}
	}
	var entriesMu sync.Mutex
	entries := map[string]cron.EntryID{}
	schedules := map[string]cron.Schedule{}
	schedule := func(src model.Source) error {
		spec := cmp.Or(src.Schedule, m.cfg.Schedule)
		every, err := parseSchedule(spec)
		if err != nil {
			return fmt.Errorf("schedule %s: %w", src.ID, err)
		}
		// A slow source skips a tick rather than running twice at once.
		job := cron.NewChain(cron.SkipIfStillRunning(cronLogger{m})).Then(cron.FuncJob(func() { poll(src, every) }))
		id := sched.Schedule(every, job)
		entriesMu.Lock()
		entries[src.ID], schedules[src.ID] = id, every
		entriesMu.Unlock()
		return nil
	}
	for _, src := range m.sources.All() {
		if err := schedule(src); err != nil {
			return err
		}
	}
	// startPoll polls a source now, for its latest due time: a first poll
	// right away (nobody wants to wait for the first tick to learn that a
	// feed URL is wrong) that replicas starting together make once.
	startPoll := func(src model.Source) {
		entriesMu.Lock()
		every := schedules[src.ID]
		entriesMu.Unlock()
		polls.Add(1)
		go func() {
			defer polls.Done()
			poll(src, every)
		}()
	}
	// Sources added or removed by command join or leave the schedule; an
	// added one is polled at once, so its current items are recorded as
	// seen and the next one is posted. Only the bot adds, and the bot
	// has stopped before the polls are waited for.
	m.sources.Watch(func(src model.Source) {
		if err := schedule(src); err != nil {
			m.log.Error("schedule an added source", "source", src.ID, "err", err)
			return
		}
		startPoll(src)
	}, func(id string) {
		entriesMu.Lock()
		defer entriesMu.Unlock()
		sched.Remove(entries[id])
		delete(entries, id)
		delete(schedules, id)
	})
	// Replicas sharing the store catch up with the sources the others
	// added or removed by command.
	refreshed := make(chan struct{})
	go func() {
		defer close(refreshed)
		tick := time.NewTicker(sourcesRefresh)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := m.sources.Refresh(ctx); err != nil && ctx.Err() == nil {
					m.log.Warn("refresh the added sources", "err", err)
				}
			}
		}
	}()
	dispatched := make(chan struct{})
	go func() {
		defer close(dispatched)
		m.dispatcher.Run(ctx)
	}()
	botDone := make(chan struct{})
	go func() {
		defer close(botDone)
		switch {
		case m.tg == nil || m.cfg.Telegram.Updates == config.UpdatesOff:
		case m.cfg.Telegram.Updates == config.UpdatesWebhook:
			// Every replica serves the webhook (a balancer may send
			// Telegram's requests to any); the store's update offset
			// lets one of them take each update.
			m.runBot(ctx, &hook)
		default:
			// One getUpdates poller per token: the lease holder's.
			m.asLeader(ctx, "bot", m.cfg.Cluster.Lease.D(), func(ctx context.Context) { m.runBot(ctx, &hook) })
		}
	}()
	sched.Start()
	m.ready.Store(true)
	m.log.Info("crier started", "version", fullVersion(), "sources", len(m.sources.All()), "targets", len(m.cfg.Targets))
	for _, src := range m.sources.All() {
		startPoll(src)
	}
	<-ctx.Done()
	m.ready.Store(false)
	// In-flight polls end with ctx; a send in flight may take its full
	// timeout after a limit check of at most 10s.
	shutdownGrace := m.cfg.Delivery.Timeout.D() + 20*time.Second
	m.log.Info("stopping: waiting for polls and sends in flight", "grace", shutdownGrace)
	stopped := sched.Stop()
	done := make(chan struct{})
	go func() {
		<-stopped.Done()
		<-botDone   // the bot adds sources, and their first polls
		<-refreshed // and so does the refresh
		polls.Wait()
		<-dispatched
		endHTTP()
		<-served
		close(done)
	}()
	select {
	case <-done:
		m.log.Info("stopped cleanly")
		return nil
	case <-time.After(shutdownGrace):
		return fmt.Errorf("stop: work still in flight after %s", shutdownGrace)
	}
}

// sourcesRefresh is how often a process looks for sources other replicas
// added or removed.
const sourcesRefresh = 30 * time.Second

// cronLogger routes robfig/cron's messages to slog.
type cronLogger struct{ m *Main }

func (l cronLogger) Info(msg string, kv ...any) { l.m.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.m.log.Error("cron: "+msg, append(kv, "err", err)...)
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	m, code := openFromFlags(ctx, "run", args, stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	if err := m.Run(ctx); err != nil {
		fmt.Fprintln(stderr, "crier:", err)
		return 1
	}
	return 0
}
