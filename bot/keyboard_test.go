package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/crierhq/crier/bot"
)

func press(chat int64, data string, msg int) bot.Update {
	return bot.Update{ID: 5, ChatID: chat, ChatType: "private", FromID: chat, CallbackID: "q1", Data: data, MessageID: msg}
}

func TestSubscriptionButtons(t *testing.T) {
	b, st, _ := newBot(t)
	ctx := context.Background()
	r := b.Handle(ctx, private(stranger, "/sources"))
	if len(r) != 1 || len(r[0].Buttons) != 1 || r[0].Buttons[0][0] != (bot.Button{Text: "➕ Asbarez", Data: "s:asbarez"}) {
		t.Fatalf("/sources in a private chat: %+v", r)
	}
	if r := b.Handle(ctx, bot.Update{ChatID: -100, ChatType: "group", FromID: stranger, Text: "/sources"}); len(r) != 1 || r[0].Buttons != nil {
		t.Errorf("/sources in a group has buttons: %+v", r)
	}

	r = b.Handle(ctx, press(stranger, "s:asbarez", 77))
	if len(r) != 1 || r[0].CallbackID != "q1" || r[0].EditMessageID != 77 || !strings.Contains(r[0].Text, "Subscribed to asbarez") {
		t.Fatalf("pressing subscribe: %+v", r)
	}
	if got := r[0].Buttons[0][0]; got != (bot.Button{Text: "✅ Asbarez", Data: "u:asbarez"}) {
		t.Errorf("keyboard after subscribing: %+v", got)
	}
	if subs, _ := st.Subscriptions(ctx, stranger); len(subs) != 1 {
		t.Errorf("not subscribed: %v", subs)
	}
	// A second press of a stale keyboard changes nothing.
	if r := b.Handle(ctx, press(stranger, "s:asbarez", 77)); !strings.Contains(r[0].Text, "already follow") {
		t.Errorf("second press: %+v", r)
	}
	r = b.Handle(ctx, press(stranger, "u:asbarez", 77))
	if !strings.Contains(r[0].Text, "Unsubscribed from asbarez") || r[0].Buttons[0][0].Data != "s:asbarez" {
		t.Errorf("pressing unsubscribe: %+v", r)
	}
	for _, tc := range []struct {
		u    bot.Update
		want string
	}{
		{press(stranger, "s:gone", 77), "no source called gone"},
		{press(stranger, "something-else", 77), ""},
		{bot.Update{ChatID: -100, ChatType: "group", FromID: stranger, CallbackID: "q2", Data: "s:asbarez", MessageID: 3}, "private chat"},
	} {
		r := b.Handle(ctx, tc.u)
		if len(r) != 1 || r[0].CallbackID == "" || (tc.want == "" && r[0].Text != "") || !strings.Contains(r[0].Text, tc.want) {
			t.Errorf("%q: %+v", tc.u.Data, r)
		}
	}
	if subs, _ := st.Subscriptions(ctx, stranger); len(subs) != 0 {
		t.Errorf("left subscribed: %v", subs)
	}
	if subs, _ := st.Subscriptions(ctx, -100); len(subs) != 0 {
		t.Errorf("a group subscribed by button: %v", subs)
	}
}

func TestLongRepliesAreSplitAtLines(t *testing.T) {
	b, _, _ := newBot(t)
	ctx := context.Background()
	for i := range 150 {
		r := b.Handle(ctx, private(admin, fmt.Sprintf("/add %s/feed.xml?n=%d Source number %d with a rather long name", feedsURL, i, i)))
		if len(r) != 1 || !strings.Contains(r[0].Text, fmt.Sprintf("Added source-number-%d-", i)) {
			t.Fatalf("add %d: %+v", i, r)
		}
	}
	r := b.Handle(ctx, private(admin, "/status"))
	if len(r) < 2 {
		t.Fatalf("a long /status came as %d message(s)", len(r))
	}
	all := ""
	for _, m := range r {
		if n := len([]rune(m.Text)); n > 4000 {
			t.Errorf("a message of %d characters", n)
		}
		if strings.HasPrefix(m.Text, "\n") || strings.HasSuffix(m.Text, "\n") {
			t.Errorf("a part starts or ends with a blank line")
		}
		all += m.Text + "\n"
	}
	if !strings.Contains(all, "source-number-149") || !strings.Contains(all, "channel: 0 pending") {
		t.Errorf("parts lost lines")
	}
	for _, line := range strings.Split(all, "\n") {
		if strings.HasPrefix(line, "• ") && !strings.Contains(line, "error(s) in a row") && !strings.Contains(line, "pending") {
			t.Errorf("a line was cut: %q", line)
		}
	}
}
