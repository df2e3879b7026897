package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crierhq/crier/internal/dispatch"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/publishers/telegram"
	"github.com/crierhq/crier/templates"
)

const benchToken = "7000001:AAHfakeTelegramTokenForBench_x1"

// counter counts the dispatcher's rate-limit retries and notes when each
// target's last post went.
type counter struct {
	limited atomic.Int64
	mu      sync.Mutex
	last    map[string]time.Time
}

func (c *counter) Delivery(target, _, reason string, _ time.Duration) {
	c.mu.Lock()
	c.last[target] = time.Now()
	c.mu.Unlock()
	if reason == "rate_limited" {
		c.limited.Add(1)
	}
}
func (c *counter) Waited(string, time.Duration) {}

// scenarioFanout measures (c): posts to channels and subscriber chats
// through the real publisher and dispatcher against the fake Bot API with
// Telegram's limits (1 message a second per chat with bursts of 3, 20 a
// minute per group or channel, 30 a second per bot). A tenth of the posts go
// to 10 channels, the rest to private chats, 10 each: the bot's 30 a second
// is the ceiling.
func scenarioFanout(ctx context.Context, o options, dir string, w io.Writer) error {
	srv := telegramapi.New(telegramapi.Options{Token: benchToken})
	defer srv.Close()
	client := telegram.NewClient(benchToken, srv.Endpoint(), 10*time.Second, telegram.Limits{})
	channels, perChannel := 10, max(o.posts/10/10, 1)
	chats, perChat := (o.posts-channels*perChannel)/10, 10
	st, err := sqlite.Open(ctx, filepath.Join(dir, "fanout.db"), time.Now)
	if err != nil {
		return err
	}
	defer st.Close()
	tmpl, _ := templates.New("")
	var sts []store.Target
	var targets []dispatch.Target
	add := func(id string, chat int64, kind string, posts int) []string {
		srv.AddChat(telegramapi.Chat{ID: chat, Type: kind, Title: id})
		sts = append(sts, store.Target{ID: id, Publisher: "telegram"})
		targets = append(targets, dispatch.Target{ID: id, Template: "telegram.html.tmpl",
			Publisher: client.Publisher(strconv.FormatInt(chat, 10), telegram.Options{})})
		out := make([]string, posts)
		for i := range out {
			out[i] = id
		}
		return out
	}
	var want []string // one target id per post
	for c := range channels {
		want = append(want, add(fmt.Sprintf("channel%d", c), -1001000000000-int64(c), telegramapi.Channel, perChannel)...)
	}
	for c := range chats {
		want = append(want, add(fmt.Sprintf("chat%d", c), 5000+int64(c), telegramapi.Private, perChat)...)
	}
	if err := st.SyncSources(ctx, []model.Source{{ID: "src", Name: "Source", URL: "https://e.example/"}}); err != nil {
		return err
	}
	if err := st.SyncTargets(ctx, sts); err != nil {
		return err
	}
	per := map[string]int{}
	for _, t := range want {
		per[t]++
	}
	maxPer := max(perChannel, perChat)
	var items []model.Item
	for i := range maxPer {
		items = append(items, model.Item{Key: fmt.Sprint(i), Title: fmt.Sprintf("Post %d", i), State: model.ItemNew})
	}
	saved, err := st.SaveItems(ctx, "src", model.FetchState{}, items)
	if err != nil {
		return err
	}
	for i, it := range saved {
		var to []string
		for id, n := range per {
			if i < n {
				to = append(to, id)
			}
		}
		if _, err := st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: it.ID, Summary: []string{"A sentence."}, Targets: to}); err != nil {
			return err
		}
	}
	obs := &counter{last: map[string]time.Time{}}
	d := dispatch.New(st, tmpl, targets, dispatch.Options{SendTimeout: 10 * time.Second, Observer: obs},
		slog.New(slog.DiscardHandler), time.Now)
	began := time.Now()
	n, err := d.Drain(ctx)
	elapsed := time.Since(began)
	if err != nil {
		return err
	}
	tooMany := 0
	for _, r := range srv.Requests() {
		if r.Status == 429 {
			tooMany++
		}
	}
	// The ceiling: the bot's 30 a second (the first 30 at once), or the
	// busiest chat's one a second after a burst of three, whichever is
	// slower.
	ceiling := time.Duration(float64(max(n-30, 0)) / 30 * float64(time.Second))
	ceiling = max(ceiling, time.Duration(max(perChat, perChannel)-3)*time.Second)
	share := 100 * ceiling.Seconds() / elapsed.Seconds()
	// When the chats got their last post: all near the end means every chat
	// got its turn (no tail of chats held to one a second).
	first := elapsed
	for _, at := range obs.last {
		first = min(first, at.Sub(began))
	}
	fmt.Fprintf(w, "(c) Telegram fan-out: %d posts (%d channels, %d private chats) in %.1fs; the limits allow %.1fs at best: %.1f%% of the ceiling; %d answers of 429; targets done between %.1fs and %.1fs\n",
		n, channels, chats, elapsed.Seconds(), ceiling.Seconds(), share, tooMany, first.Seconds(), elapsed.Seconds())
	if n != len(want) {
		return fmt.Errorf("fan-out delivered %d of %d", n, len(want))
	}
	return nil
}
