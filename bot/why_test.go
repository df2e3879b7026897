package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

func TestWhy(t *testing.T) {
	b, st, _ := newBot(t)
	ctx := context.Background()
	if err := st.SyncTargets(ctx, []store.Target{{ID: "channel", Publisher: "telegram"}, {ID: "masto", Publisher: "mastodon"}}); err != nil {
		t.Fatal(err)
	}
	saved, err := st.SaveItems(ctx, "asbarez", model.FetchState{}, []model.Item{
		{Key: "a", Title: "Sponsored: Yerevan tours", Link: "https://asbarez.com/a", State: model.ItemNew},
		{Key: "b", Title: "Old story", Link: "https://asbarez.com/b", State: model.ItemSeen},
	})
	if err != nil {
		t.Fatal(err)
	}
	rule := store.FilteredPrefix + `target masto filters.exclude[0]: keyword "sponsored" in title`
	if _, err := st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: saved[0].ID, Summary: []string{"S."},
		Targets: []string{"channel", "masto"}, Skip: map[string]string{"masto": rule}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		from int64
		want []string
	}{
		{"by link", "/why https://asbarez.com/a", admin, []string{
			fmt.Sprintf("Item %d of Asbarez: “Sponsored: Yerevan tours”", saved[0].ID),
			"• channel: pending, 0 attempt(s)",
			"• masto: skipped — " + rule}},
		{"by id", fmt.Sprintf("/why %d", saved[0].ID), admin, []string{"• masto: skipped — " + rule}},
		{"seen item", "/why https://asbarez.com/b", admin, []string{"recorded as seen, never posted"}},
		{"unknown", "/why https://asbarez.com/zzz", admin, []string{"No item with the link or id https://asbarez.com/zzz"}},
		{"usage", "/why", admin, []string{"Usage: /why LINK|ITEM"}},
		{"in Russian", "/why https://asbarez.com/a", 0, []string{"• masto: пропущена — " + rule}},
		{"admins only", "/why https://asbarez.com/a", stranger, []string{"/why is for the admins"}},
		{"status counts filtered", "/status", admin, []string{"• masto: 0 pending, 0 failed, last sent never, 1 filtered"}},
		{"help lists it", "/help", admin, []string{"/why LINK|ITEM"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := private(tt.from, tt.text)
			if tt.from == 0 { // an admin whose Telegram speaks Russian
				u = private(admin, tt.text)
				u.FromLang = "ru"
			}
			replies := b.Handle(ctx, u)
			if len(replies) != 1 {
				t.Fatalf("%d replies: %+v", len(replies), replies)
			}
			for _, w := range tt.want {
				if !strings.Contains(replies[0].Text, w) {
					t.Errorf("reply lacks %q:\n%s", w, replies[0].Text)
				}
			}
		})
	}
	// Sent and failed deliveries say so.
	ds, _ := st.ClaimDeliveries(ctx, []string{"channel"}, 10, 10, time.Minute)
	if len(ds) != 1 || st.MarkSent(ctx, ds[0], "msg-77") != nil {
		t.Fatalf("claim: %+v", ds)
	}
	replies := b.Handle(ctx, private(admin, "/why https://asbarez.com/a"))
	if len(replies) != 1 || !strings.Contains(replies[0].Text, "• channel: sent (id msg-77)") {
		t.Errorf("after sending: %+v", replies)
	}
}

// An item that went to many subscriber chats lists a few of them and counts
// the rest by state: the reply stays one message.
func TestWhySummarisesSubscriberChats(t *testing.T) {
	b, st, _ := newBot(t)
	ctx := context.Background()
	targets := []string{}
	var ts []store.Target
	for i := range 200 {
		id := store.ChatTarget(int64(1000 + i))
		targets = append(targets, id)
		ts = append(ts, store.Target{ID: id, Publisher: "telegram"})
	}
	if err := st.SyncTargets(ctx, append(ts, store.Target{ID: "channel", Publisher: "telegram"})); err != nil {
		t.Fatal(err)
	}
	saved, _ := st.SaveItems(ctx, "asbarez", model.FetchState{}, []model.Item{{Key: "a", Title: "T", Link: "https://asbarez.com/a", State: model.ItemNew}})
	if _, err := st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: saved[0].ID, Summary: []string{"S."}, Targets: append(targets, "channel")}); err != nil {
		t.Fatal(err)
	}
	replies := b.Handle(ctx, private(admin, "/why https://asbarez.com/a"))
	if len(replies) != 1 {
		t.Fatalf("%d replies", len(replies))
	}
	text := replies[0].Text
	if !strings.Contains(text, "• channel: pending") || !strings.Contains(text, "• and 195 more subscriber chats: 195 pending") ||
		strings.Count(text, "• chat:") != 5 {
		t.Errorf("reply:\n%s", text)
	}
}
