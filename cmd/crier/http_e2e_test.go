package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestHealthReadinessAndMetrics: the listener answers /healthz and /readyz,
// and /metrics tells polls, new items, deliveries by outcome and reason,
// rate-limit waits, queue depth and last successes.
func TestHealthReadinessAndMetrics(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	addr := freePort(t)
	w.writeConfig(fmt.Sprintf("http: {listen: %q}\n", addr))
	w.publish(story(1))
	w.crier("once", "--config", w.config) // story 1 is seen
	w.publish(story(2), story(3))
	// Telegram answers the first post with a 429: a retry for a rate limit.
	w.tg.FailNext("sendMessage", telegramapi.Fault{Status: 429,
		Body: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}`})
	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	defer stop()
	base := "http://" + addr
	waitFor(t, "the listener", func() bool {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == 200
	})
	waitFor(t, "ready", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 })
	if code, out, errOut := w.crier("healthcheck", "--config", w.config, "--ready"); code != 0 || out != "ok\n" {
		t.Errorf("healthcheck: %d %q %q", code, out, errOut)
	}
	waitFor(t, "both stories on the channel", func() bool { return len(w.tg.Messages(channelID)) == 2 })
	_, body := get(t, base+"/metrics")
	for _, want := range []string{
		`crier_polls_total{result="new",source="asbarez"} 1`,
		`crier_new_items_total{source="asbarez"} 2`,
		`crier_deliveries_total{outcome="sent",reason="ok",target="channel"} 2`,
		`crier_deliveries_total{outcome="retry",reason="rate_limited",target="channel"} 1`,
		`crier_deliveries_total{outcome="sent",reason="ok",target="toots"} 2`,
		// 1, or 2 when the run crossed a due time of the schedule
		`crier_fetch_duration_seconds_count{source="asbarez"} `,
		`crier_source_last_success_timestamp_seconds{source="asbarez"}`,
		`crier_target_last_success_timestamp_seconds{target="channel"}`,
		`crier_rate_limit_wait_seconds_total{target="channel"}`,
		`crier_build_info{version=`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, tgToken) || strings.Contains(body, mastoToken) {
		t.Error("a secret in /metrics")
	}
	// Queue depth: a paused target's posts wait and show.
	m := w.open(nil, nil)
	if err := m.store.PauseTarget(t.Context(), "toots", "test"); err != nil {
		t.Fatal(err)
	}
	w.publish(story(4))
	// once exits 1: a delivery is left waiting for the paused target.
	if code, _, errOut := w.crier("once", "--config", w.config); code != 1 || !strings.Contains(errOut, "1 waiting") {
		t.Fatalf("once: %d %s", code, errOut)
	}
	_, body = get(t, base+"/metrics")
	if !strings.Contains(body, `crier_deliveries_pending{target="toots"} 1`) {
		t.Errorf("queue depth missing:\n%s", grepLines(body, "crier_deliveries_pending"))
	}
}

func grepLines(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestHealthcheckWithoutAListener(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	if code, _, errOut := w.crier("healthcheck", "--config", w.config); code != 1 || !strings.Contains(errOut, "http.listen is not set") {
		t.Errorf("no listener: %d %q", code, errOut)
	}
	addr := freePort(t) // nothing listens there
	if code, _, errOut := w.crier("healthcheck", "--url", "http://"+addr+"/healthz"); code != 1 || !strings.Contains(errOut, "connection refused") {
		t.Errorf("nobody there: %d %q", code, errOut)
	}
}

// The container's healthcheck reads only http.listen: the config's secrets
// need not be in its environment.
func TestHealthcheckNeedsNoSecrets(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	addr := freePort(t)
	w.writeConfig(fmt.Sprintf("http: {listen: %q}\n", addr))
	var out, errOut strings.Builder
	noEnv := func(string) (string, bool) { return "", false }
	code := run(t.Context(), []string{"healthcheck", "--config", w.config}, &out, &errOut, noEnv)
	if code != 1 || !strings.Contains(errOut.String(), "connection refused") || strings.Contains(errOut.String(), "environment variable") {
		t.Errorf("healthcheck without the secrets: %d %q", code, errOut.String())
	}
}
