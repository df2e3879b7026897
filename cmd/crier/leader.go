package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// holderID names this process among replicas: host, pid and a random part
// (a restarted container may reuse both).
func holderID() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// asLeader runs fn while this process holds the store lease called name:
// with several replicas, one of them runs it, and another takes over when it
// dies (within ttl and a third of it). The lease is renewed every ttl/3,
// each renewal bounded by ttl/3; fn's context ends when ctx does, when
// another holder has the lease, and at the latest 2/3 of ttl after the last
// renewal that started and succeeded, whatever the store does meanwhile
// (a stalled connection must not keep a leader that lost its lease). When
// ctx ends, the lease is released for a quick handover.
func (m *Main) asLeader(ctx context.Context, name string, ttl time.Duration, fn func(context.Context)) {
	runAsLeader(ctx, m.store, m.log, name, m.holder, ttl, fn)
}

// leaseStore is the part of the store leases need.
type leaseStore interface {
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	ReleaseLease(ctx context.Context, name, holder string) error
}

func runAsLeader(ctx context.Context, st leaseStore, log *slog.Logger, name, holder string, ttl time.Duration, fn func(context.Context)) {
	var job *running // nil while not leading
	stop := func() {
		if job != nil {
			job.stop()
			job = nil
		}
	}
	defer func() {
		stop()
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ttl/3)
		defer cancel()
		if err := st.ReleaseLease(rctx, name, holder); err != nil {
			log.Warn("release lease", "lease", name, "err", err)
		}
	}()
	tick := time.NewTicker(ttl / 3)
	defer tick.Stop()
	for {
		asked := time.Now() // the lease runs from before the request
		rctx, cancel := context.WithTimeout(ctx, ttl/3)
		ok, err := st.AcquireLease(rctx, name, holder, ttl)
		cancel()
		switch {
		case ctx.Err() != nil:
		case err != nil:
			log.Warn("renew lease", "lease", name, "err", err)
		case !ok && job != nil:
			log.Warn("lost the lease to another process", "lease", name)
			stop()
		case ok && job == nil:
			log.Info("leading", "lease", name, "holder", holder)
			job = start(ctx, fn)
			job.keepUntil(asked.Add(ttl * 2 / 3))
		case ok:
			job.keepUntil(asked.Add(ttl * 2 / 3))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-job.ended():
			// The watchdog stopped it (no renewal by its deadline,
			// before another process may lead), or it returned.
			log.Warn("the job under the lease ended", "lease", name)
			job = nil
		}
	}
}

// running is a job started under a lease, with a watchdog that ends it at
// a deadline renewals push back. The watchdog is a timer of its own, not a
// case of the renewal loop's select: a loop busy renewing, or picking
// another ready case, must not delay it.
type running struct {
	cancel   context.CancelFunc
	done     chan struct{}
	watchdog *time.Timer
}

func start(ctx context.Context, fn func(context.Context)) *running {
	ctx, cancel := context.WithCancel(ctx)
	r := &running{cancel: cancel, done: make(chan struct{}), watchdog: time.AfterFunc(time.Hour, cancel)}
	go func() {
		defer close(r.done)
		fn(ctx)
	}()
	return r
}

// keepUntil moves the job's deadline.
func (r *running) keepUntil(t time.Time) { r.watchdog.Reset(time.Until(t)) }

// ended is closed when the job has returned; never for no job.
func (r *running) ended() <-chan struct{} {
	if r == nil {
		return nil
	}
	return r.done
}

// stop ends the job and waits for it.
func (r *running) stop() {
	r.watchdog.Stop()
	r.cancel()
	<-r.done
}
