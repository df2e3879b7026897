package dispatch_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/dispatch"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
	"github.com/crierhq/crier/templates"
)

var ctx = context.Background()

// scripted is a publisher that answers from a script, then succeeds.
type scripted struct {
	mu     sync.Mutex
	script []error
	sent   []model.Message
	limit  int
	onSend func()
}

func (p *scripted) Fits(context.Context) func(string) bool {
	if p.limit == 0 {
		return nil
	}
	return func(s string) bool { return len([]rune(s)) <= p.limit }
}

func (p *scripted) Publish(_ context.Context, msg model.Message) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.onSend != nil {
		p.onSend()
	}
	if len(p.script) > 0 {
		err := p.script[0]
		p.script = p.script[1:]
		if err != nil {
			return "", err
		}
	}
	p.sent = append(p.sent, msg)
	return fmt.Sprint(len(p.sent)), nil
}

func (p *scripted) titles() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, m := range p.sent {
		out = append(out, strings.SplitN(m.Text, "]", 2)[0][1:])
	}
	return out
}

type env struct {
	clock *storetest.Clock
	store *sqlite.Store
	d     *dispatch.Dispatcher
	pubs  map[string]*scripted
}

func setup(t *testing.T, opts dispatch.Options, keys ...string) *env {
	t.Helper()
	clock := storetest.NewClock()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SyncSources(ctx, []model.Source{{ID: "src", Name: "Src", URL: "https://e.com/"}}); err != nil {
		t.Fatal(err)
	}
	if err := st.SyncTargets(ctx, []store.Target{{ID: "a", Publisher: "console"}, {ID: "b", Publisher: "console"}}); err != nil {
		t.Fatal(err)
	}
	var items []model.Item
	for _, k := range keys {
		items = append(items, model.Item{Key: k, Title: k, Link: "https://e.com/" + k, State: model.ItemNew})
	}
	saved, err := st.SaveItems(ctx, "src", model.FetchState{}, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range saved {
		if _, err := st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: it.ID, Summary: []string{"First sentence.", "Second sentence."}, Targets: []string{"a", "b"}}); err != nil {
			t.Fatal(err)
		}
	}
	tmpl, _ := templates.New("")
	pubs := map[string]*scripted{"a": {}, "b": {}}
	targets := []dispatch.Target{{ID: "a", Template: "console.txt.tmpl", Publisher: pubs["a"]}, {ID: "b", Template: "console.txt.tmpl", Publisher: pubs["b"]}}
	opts.BaseBackoff = 10 * time.Second
	d := dispatch.New(st, tmpl, targets, opts, slog.New(slog.NewTextHandler(io.Discard, nil)), clock.Now)
	return &env{clock: clock, store: st, d: d, pubs: pubs}
}

func transient(reason string) error { return &model.PublishError{Reason: reason} }

func (e *env) counts(t *testing.T) map[string]map[model.DeliveryState]int {
	c, err := e.store.DeliveryCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSendsEveryTargetInOrder(t *testing.T) {
	e := setup(t, dispatch.Options{PerTarget: 2}, "k1", "k2", "k3")
	if _, err := e.d.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		if got := strings.Join(e.pubs[id].titles(), ","); got != "Src,Src,Src" {
			t.Errorf("%s got %q", id, got)
		}
		msgs := e.pubs[id].sent
		if !strings.Contains(msgs[0].Text, "k1") || !strings.Contains(msgs[2].Text, "k3") {
			t.Errorf("%s order: %v", id, msgs)
		}
		if msgs[0].IdempotencyKey == "" || msgs[0].IdempotencyKey == msgs[1].IdempotencyKey {
			t.Errorf("idempotency keys: %q %q", msgs[0].IdempotencyKey, msgs[1].IdempotencyKey)
		}
	}
	if c := e.counts(t); c["a"][model.DeliverySent] != 3 || c["b"][model.DeliverySent] != 3 {
		t.Errorf("counts %v", c)
	}
	if s := e.d.TakeStats(); s.Sent != 6 || s.Retried != 0 || s.Failed != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestTransientFailureHoldsTheTargetOnly(t *testing.T) {
	e := setup(t, dispatch.Options{}, "k1", "k2")
	e.pubs["a"].script = []error{transient("HTTP 502")}
	e.d.Drain(ctx)
	if len(e.pubs["a"].sent) != 0 || len(e.pubs["b"].sent) != 2 {
		t.Fatalf("a sent %d (want 0, k2 waits behind k1), b sent %d", len(e.pubs["a"].sent), len(e.pubs["b"].sent))
	}
	// Nothing is due until the backoff passes (10s ±20%).
	e.clock.Advance(7 * time.Second)
	e.d.Drain(ctx)
	if len(e.pubs["a"].sent) != 0 {
		t.Fatal("retried before the backoff")
	}
	e.clock.Advance(6 * time.Second)
	e.d.Drain(ctx)
	if got := e.pubs["a"].sent; len(got) != 2 || !strings.Contains(got[0].Text, "k1") {
		t.Fatalf("after backoff a sent %v", got)
	}
	if s := e.d.TakeStats(); s.Retried != 1 || s.Sent != 4 || len(s.Problems) != 1 || !strings.Contains(s.Problems[0], "HTTP 502") {
		t.Errorf("stats %+v", s)
	}
}

func TestRetryAfterIsObeyed(t *testing.T) {
	e := setup(t, dispatch.Options{}, "k1")
	e.pubs["a"].script = []error{&model.PublishError{RetryAfter: 40 * time.Second, Reason: "429"}}
	e.d.Drain(ctx)
	e.clock.Advance(39 * time.Second)
	e.d.Drain(ctx)
	if len(e.pubs["a"].sent) != 0 {
		t.Fatal("sent before retry_after")
	}
	e.clock.Advance(2 * time.Second)
	e.d.Drain(ctx)
	if len(e.pubs["a"].sent) != 1 {
		t.Fatal("not sent after retry_after")
	}
}

func TestPermanentFailureDoesNotBlock(t *testing.T) {
	e := setup(t, dispatch.Options{}, "k1", "k2")
	e.pubs["a"].script = []error{&model.PublishError{Permanent: true, Reason: "telegram 400: Bad Request: chat not found"}}
	e.d.Drain(ctx)
	if got := e.pubs["a"].sent; len(got) != 1 || !strings.Contains(got[0].Text, "k2") {
		t.Fatalf("a sent %v", got)
	}
	if c := e.counts(t); c["a"][model.DeliveryFailed] != 1 || c["a"][model.DeliverySent] != 1 {
		t.Errorf("counts %v", c)
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	e := setup(t, dispatch.Options{MaxAttempts: 3, MaxBackoff: time.Minute}, "k1")
	e.pubs["a"].script = []error{transient("x"), transient("y"), transient("z"), nil}
	for i := 0; i < 5; i++ {
		e.d.Drain(ctx)
		e.clock.Advance(2 * time.Minute)
	}
	if c := e.counts(t); c["a"][model.DeliveryFailed] != 1 || len(e.pubs["a"].sent) != 0 {
		t.Errorf("counts %v, sent %d", c, len(e.pubs["a"].sent))
	}
	if s := e.d.TakeStats(); !strings.Contains(strings.Join(s.Problems, "\n"), "gave up after 3 attempts: z") {
		t.Errorf("problems %v", s.Problems)
	}
}

func TestUnfittablePostFails(t *testing.T) {
	e := setup(t, dispatch.Options{}, "k1")
	e.pubs["a"].limit = 5
	e.d.Drain(ctx)
	if c := e.counts(t); c["a"][model.DeliveryFailed] != 1 || c["b"][model.DeliverySent] != 1 {
		t.Errorf("counts %v", c)
	}
	if s := e.d.TakeStats(); !strings.Contains(strings.Join(s.Problems, ""), "cannot fit") {
		t.Errorf("problems %v", s.Problems)
	}
}

func TestCancelReleasesUnsent(t *testing.T) {
	e := setup(t, dispatch.Options{Parallel: 1}, "k1", "k2", "k3")
	cctx, cancel := context.WithCancel(ctx)
	e.pubs["a"].onSend = cancel // a stop arrives during the first send
	e.pubs["b"].onSend = cancel
	e.d.Drain(cctx)
	c := e.counts(t)
	if sent := c["a"][model.DeliverySent] + c["b"][model.DeliverySent]; sent != 1 {
		t.Errorf("sent %d, want only the one in flight: %v", sent, c)
	}
	if c["a"][model.DeliverySending]+c["b"][model.DeliverySending] != 0 {
		t.Errorf("claims left behind: %v", c)
	}
	// The released deliveries go out on the next run, in order.
	e.pubs["a"].onSend, e.pubs["b"].onSend = nil, nil
	e.d.Drain(ctx)
	if got := e.counts(t); got["a"][model.DeliverySent] != 3 || got["b"][model.DeliverySent] != 3 {
		t.Errorf("after restart %v", got)
	}
}

// countingStore counts the non-empty claims.
type countingStore struct {
	*sqlite.Store
	claims []int
}

func (c *countingStore) ClaimDeliveries(ctx context.Context, targets []string, limit, per int, lease time.Duration) ([]model.Delivery, error) {
	ds, err := c.Store.ClaimDeliveries(ctx, targets, limit, per, lease)
	if len(ds) > 0 {
		c.claims = append(c.claims, len(ds))
	}
	return ds, err
}

func TestNoSendOutlivesTheLease(t *testing.T) {
	e := setup(t, dispatch.Options{}, "k1", "k2", "k3")
	cs := &countingStore{Store: e.store}
	tmpl, _ := templates.New("")
	pub := &scripted{}
	// Each send takes four minutes of a ten-minute lease; a send may take
	// up to two, plus the one-minute margin.
	pub.onSend = func() { e.clock.Advance(4 * time.Minute) }
	d := dispatch.New(cs, tmpl, []dispatch.Target{{ID: "a", Template: "console.txt.tmpl", Publisher: pub}},
		dispatch.Options{Lease: 10 * time.Minute, SendTimeout: 2 * time.Minute}, slog.New(slog.NewTextHandler(io.Discard, nil)), e.clock.Now)
	d.Drain(ctx)
	// k1 starts at 0, k2 at 4; k3 would start at 8 and might end after
	// the lease, so it is released and claimed afresh.
	if len(pub.sent) != 3 || len(cs.claims) != 2 || cs.claims[0] != 3 || cs.claims[1] != 1 {
		t.Fatalf("sent %d, claims %v; want 3 sent over claims [3 1]", len(pub.sent), cs.claims)
	}
	if c := e.counts(t); c["a"][model.DeliverySent] != 3 || c["a"][model.DeliverySending] != 0 {
		t.Errorf("counts %v", c)
	}
}

func TestRateLimitsDoNotUseUpAttempts(t *testing.T) {
	e := setup(t, dispatch.Options{MaxAttempts: 2}, "k1")
	limited := &model.PublishError{RetryAfter: time.Second, Reason: "429"}
	e.pubs["a"].script = []error{limited, limited, limited, limited}
	for i := 0; i < 6; i++ {
		e.d.Drain(ctx)
		e.clock.Advance(3 * time.Second)
	}
	if c := e.counts(t); c["a"][model.DeliverySent] != 1 || c["a"][model.DeliveryFailed] != 0 {
		t.Errorf("counts %v, want sent after four rate limits", c)
	}
}

func TestTooLongIsSentShorterOnce(t *testing.T) {
	e := setup(t, dispatch.Options{}, "k1", "k2")
	tooLong := &model.PublishError{Permanent: true, Remedy: model.RemedyShorten, Reason: "telegram 400: Bad Request: message is too long"}
	e.pubs["a"].script = []error{tooLong, tooLong, tooLong}
	if _, err := e.d.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	sent := e.pubs["a"].sent
	if len(sent) != 1 || strings.Contains(sent[0].Text, "Second sentence") || !strings.Contains(sent[0].Text, "First sentence.") {
		t.Fatalf("sent %+v: want k1 failed after one shorter try, k2 shortened", sent)
	}
	c := e.counts(t)
	if c["a"][model.DeliveryFailed] != 1 || c["a"][model.DeliverySent] != 1 || c["b"][model.DeliverySent] != 2 {
		t.Errorf("counts %v", c)
	}
}

// slowPacer is a publisher whose rate limit holds every send for a while.
type slowPacer struct {
	scripted
	hold    time.Duration
	waiting chan struct{} // closed when the first Wait begins
}

func (p *slowPacer) Wait(ctx context.Context) error {
	select {
	case <-p.waiting:
	default:
		close(p.waiting)
	}
	select {
	case <-time.After(p.hold):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestSlowTargetDoesNotHoldUpWorkForOthers: while one target waits on its
// rate limit, a post enqueued for another goes out as soon as the
// dispatcher is woken.
func TestSlowTargetDoesNotHoldUpWorkForOthers(t *testing.T) {
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SyncSources(ctx, []model.Source{{ID: "src", Name: "Src", URL: "https://e.com/"}})
	st.SyncTargets(ctx, []store.Target{{ID: "slow", Publisher: "telegram"}, {ID: "fast", Publisher: "console"}})
	enq := func(key string, targets ...string) {
		saved, _ := st.SaveItems(ctx, "src", model.FetchState{}, []model.Item{{Key: key, Title: key, State: model.ItemNew}})
		if _, err := st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: saved[0].ID, Targets: targets}); err != nil {
			t.Fatal(err)
		}
	}
	enq("a", "slow")
	slow := &slowPacer{hold: 3 * time.Second, waiting: make(chan struct{})}
	fast := &scripted{}
	tmpl, _ := templates.New("")
	d := dispatch.New(st, tmpl, []dispatch.Target{{ID: "slow", Template: "console.txt.tmpl", Publisher: slow},
		{ID: "fast", Template: "console.txt.tmpl", Publisher: fast}}, dispatch.Options{Poll: time.Minute},
		slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now)
	done := make(chan struct{})
	go func() { d.Drain(ctx); close(done) }()
	<-slow.waiting // the slow target is waiting on its limit
	enq("b", "fast")
	start := time.Now()
	d.Wake()
	for len(fast.titles()) == 0 {
		if time.Since(start) > 2*time.Second {
			t.Fatal("the fast target's post waited for the slow target")
		}
		time.Sleep(10 * time.Millisecond)
	}
	<-done
	if len(slow.titles()) != 1 {
		t.Errorf("slow target sent %d", len(slow.titles()))
	}
}
