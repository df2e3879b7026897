package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// listenHTTP opens crier's HTTP listener (http.listen) with its routes:
// /healthz, and the Telegram webhook in webhook mode. It returns nil when
// the listener is off. Opening it before anything else runs makes a taken
// port a start-up error, not a silent gap.
func (m *Main) listenHTTP(mux *http.ServeMux) (*http.Server, net.Listener, error) {
	if m.cfg.HTTP.Listen == "" {
		return nil, nil, nil
	}
	ln, err := net.Listen("tcp", m.cfg.HTTP.Listen)
	if err != nil {
		return nil, nil, fmt.Errorf("http.listen: %w", err)
	}
	// Alive: the process answers.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		plain(w, http.StatusOK, "ok")
	})
	// Ready: the store answers, the schedules run, and the process is not
	// stopping.
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if !m.ready.Load() {
			plain(w, http.StatusServiceUnavailable, "not ready: starting or stopping")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := m.store.Ping(ctx); err != nil {
			m.log.Warn("readyz: the store does not answer", "err", err)
			plain(w, http.StatusServiceUnavailable, "not ready: the store does not answer")
			return
		}
		plain(w, http.StatusOK, "ready")
	})
	mux.Handle("GET /metrics", m.metrics.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	return srv, ln, nil
}

func plain(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(text + "\n"))
}

// serveHTTP serves until stop closes, then lets requests in flight finish
// (5s at most).
func (m *Main) serveHTTP(ctx context.Context, srv *http.Server, ln net.Listener, stop <-chan struct{}) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("http: listener stopped", "err", err)
		}
	}()
	m.log.Info("http: listening", "addr", ln.Addr().String())
	<-stop
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		m.log.Warn("http: shutdown", "err", err)
	}
	<-done
}
