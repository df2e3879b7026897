package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/bot"
)

// replies records what the bot sent.
type replies struct {
	mu   sync.Mutex
	sent []bot.Reply
}

func (r *replies) Send(_ context.Context, reply bot.Reply) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, reply)
	return nil
}

func (r *replies) count() int { r.mu.Lock(); defer r.mu.Unlock(); return len(r.sent) }

// decodeTest reads the test's update JSON: {"update_id", "chat", "from", "text"}.
func decodeTest(body []byte) (bot.Update, error) {
	var v struct {
		ID   int64  `json:"update_id"`
		Chat int64  `json:"chat"`
		From int64  `json:"from"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return bot.Update{}, err
	}
	if v.ID <= 0 {
		return bot.Update{}, errors.New("no update_id")
	}
	return bot.Update{ID: v.ID, ChatID: v.Chat, ChatType: "private", FromID: v.From, Text: v.Text}, nil
}

const hookSecret = "s3cret-Token_for_tests"

func TestWebhookRefusesWithoutTheSecretAndNeverRunsAnUpdateTwice(t *testing.T) {
	b, st, _ := newBot(t)
	out := &replies{}
	wh := b.Webhook(hookSecret, st, out, decodeTest)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go wh.Run(ctx)
	srv := httptest.NewServer(wh)
	defer srv.Close()

	post := func(secret *string, body string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if secret != nil {
			req.Header.Set(bot.SecretHeader, *secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	pause := `{"update_id": 10, "chat": 42, "from": 42, "text": "/pause channel"}`
	before := snapshot(t, st)
	wrong, prefix, empty, right := "wrong", hookSecret[:5], "", hookSecret
	for name, secret := range map[string]*string{"missing": nil, "wrong": &wrong, "a prefix": &prefix, "empty": &empty} {
		if code := post(secret, pause); code != http.StatusUnauthorized {
			t.Errorf("%s secret: %d, want 401", name, code)
		}
	}
	if off, _ := st.BotOffset(context.Background()); off != 0 {
		t.Errorf("a refused request moved the offset to %d", off)
	}
	time.Sleep(50 * time.Millisecond)
	if after := snapshot(t, st); after != before || out.count() != 0 {
		t.Fatalf("a refused request changed something: %s / %d replies", after, out.count())
	}

	if code := post(&right, pause); code != http.StatusOK {
		t.Fatalf("right secret: %d", code)
	}
	waitUntil(t, func() bool { return out.count() == 1 })
	if states, _ := st.TargetStates(context.Background()); states["channel"].PausedReason == "" {
		t.Error("the admin's /pause did not pause")
	}
	// Telegram redelivers an update it thinks was lost: acknowledged, not
	// run again; older ids neither.
	if code := post(&right, pause); code != http.StatusOK {
		t.Errorf("redelivery: %d", code)
	}
	if code := post(&right, `{"update_id": 9, "chat": 42, "from": 42, "text": "/resume channel"}`); code != http.StatusOK {
		t.Errorf("older update: %d", code)
	}
	if code := post(&right, `{"update_id": 11, "chat": 42, "from": 42, "text": "/targets"}`); code != http.StatusOK {
		t.Errorf("next update: %d", code)
	}
	waitUntil(t, func() bool { return out.count() == 2 })
	time.Sleep(50 * time.Millisecond)
	if n := out.count(); n != 2 || !strings.Contains(out.sent[1].Text, "channel (telegram)") {
		t.Errorf("replies %+v", out.sent)
	}
	if off, _ := st.BotOffset(context.Background()); off != 12 {
		t.Errorf("offset %d, want 12", off)
	}
	// Garbage is acknowledged (Telegram would resend it forever) and
	// dropped; a huge body is refused; GET is not a webhook call.
	if code := post(&right, `{"not":"an update"`); code != http.StatusOK {
		t.Errorf("garbage: %d", code)
	}
	if code := post(&right, `{"update_id": 12, "text": "`+strings.Repeat("x", 2<<20)+`"}`); code != http.StatusRequestEntityTooLarge {
		t.Errorf("huge body: %d", code)
	}
	if resp, err := http.Get(srv.URL); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %v %v", resp.StatusCode, err)
	}
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// While the worker is behind, the queue fills: the next update gets 503
// and is left to Telegram. On shutdown, what was taken is still answered.
func TestWebhookQueueFullAndShutdown(t *testing.T) {
	b, st, _ := newBot(t)
	out := &replies{}
	wh := b.Webhook(hookSecret, st, out, decodeTest)
	srv := httptest.NewServer(wh) // no worker yet
	defer srv.Close()
	post := func(id int) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(
			fmt.Sprintf(`{"update_id": %d, "chat": 42, "from": 42, "text": "/stats"}`, id)))
		req.Header.Set(bot.SecretHeader, hookSecret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for id := 1; id <= 100; id++ {
		if code := post(id); code != http.StatusOK {
			t.Fatalf("update %d: %d", id, code)
		}
	}
	if code := post(101); code != http.StatusServiceUnavailable {
		t.Errorf("update beyond the queue: %d, want 503", code)
	}
	if off, _ := st.BotOffset(context.Background()); off != 101 {
		t.Errorf("offset %d, want 101: the refused update must stay Telegram's", off)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // stopping at once: the taken updates are answered all the same
	wh.Run(ctx)
	if n := out.count(); n != 100 {
		t.Errorf("%d of 100 taken updates answered on shutdown", n)
	}
	if code := post(101); code != http.StatusServiceUnavailable {
		t.Errorf("after shutdown: %d, want 503", code)
	}
}
