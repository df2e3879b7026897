package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
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
// with several replicas, one of them runs it, and another takes over within
// ttl when it dies. The lease is renewed every ttl/3; fn's context ends when
// a renewal fails to keep it (another holder may have it by then), and when
// ctx ends, after which the lease is released for a quick handover.
func (m *Main) asLeader(ctx context.Context, name string, ttl time.Duration, fn func(context.Context)) {
	holder := m.holder
	var job *running // nil while not leading
	stop := func() {
		if job != nil {
			job.stop()
			job = nil
		}
	}
	defer func() {
		stop()
		if err := m.store.ReleaseLease(context.WithoutCancel(ctx), name, holder); err != nil {
			m.log.Warn("release lease", "lease", name, "err", err)
		}
	}()
	var held time.Time // when the lease was last confirmed
	tick := time.NewTicker(ttl / 3)
	defer tick.Stop()
	for {
		ok, err := m.store.AcquireLease(ctx, name, holder, ttl)
		switch {
		case ctx.Err() != nil:
		case err != nil:
			m.log.Warn("renew lease", "lease", name, "err", err)
			if job != nil && time.Since(held) > ttl*2/3 {
				// Not renewed in time: by the lease's end another
				// process may lead; stop before that.
				m.log.Warn("lost the lease", "lease", name)
				stop()
			}
		case !ok && job != nil:
			m.log.Warn("lost the lease to another process", "lease", name)
			stop()
		case ok:
			held = time.Now()
			if job == nil {
				m.log.Info("leading", "lease", name, "holder", holder)
				job = start(ctx, fn)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// running is a job started under a lease.
type running struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func start(ctx context.Context, fn func(context.Context)) *running {
	ctx, cancel := context.WithCancel(ctx)
	r := &running{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		fn(ctx)
	}()
	return r
}

// stop ends the job and waits for it.
func (r *running) stop() {
	r.cancel()
	<-r.done
}
