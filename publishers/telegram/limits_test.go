package telegram

import (
	"testing"
	"time"
)

// admit lets a message go to chat, answered at once, and returns 0, or
// returns how long to wait before asking again (counting nothing).
func (l *limiter) admit(chat string, group bool) time.Duration {
	d, r := l.take(chat, group, 0, true)
	l.sent(r)
	return d
}

func TestLimiterPacesChatsGroupsAndTheBot(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	l := newLimiter(Limits{PerChatInterval: time.Second, PerChatBurst: 2, GroupMessages: 3, GroupWindow: 10 * time.Second,
		GlobalMessages: 5, GlobalWindow: time.Second, Slack: -1}, clock)

	// A private chat: a burst of 2, then one a second.
	for i := range 2 {
		if d := l.admit("42", false); d != 0 {
			t.Fatalf("burst message %d waits %v", i, d)
		}
	}
	if d := l.admit("42", false); d != time.Second {
		t.Fatalf("third message waits %v, want 1s", d)
	}
	// A group: 3 in any 10 s, whatever the per-chat tokens say.
	for i := range 2 {
		if d := l.admit("-100", true); d != 0 {
			t.Fatalf("group message %d waits %v", i, d)
		}
	}
	now = now.Add(2 * time.Second)
	if d := l.admit("-100", true); d != 0 {
		t.Fatalf("third group message waits %v", d)
	}
	now = now.Add(2 * time.Second)
	if d := l.admit("-100", true); d != 6*time.Second {
		t.Fatalf("fourth group message waits %v, want 6s (until the first leaves the window)", d)
	}
	// The bot: 5 per second across chats.
	for i := range 5 {
		if d := l.admit(string(rune('a'+i)), false); d != 0 {
			t.Fatalf("message %d of the second waits %v", i, d)
		}
	}
	if d := l.admit("z", false); d != time.Second {
		t.Fatalf("sixth message in a second waits %v, want 1s", d)
	}
	// retry_after from Telegram holds one chat back, not the others.
	now = now.Add(time.Minute)
	l.block("42", now.Add(30*time.Second))
	if d := l.admit("42", false); d != 30*time.Second {
		t.Fatalf("blocked chat waits %v, want 30s", d)
	}
	if d := l.admit("43", false); d != 0 {
		t.Fatalf("another chat waits %v", d)
	}
}

func TestGroupChats(t *testing.T) {
	for chat, want := range map[string]bool{"@news": true, "-1001234567890": true, "-42": true, "12345": false} {
		if got := isGroupChat(chat); got != want {
			t.Errorf("isGroupChat(%q) = %v", chat, got)
		}
	}
}

// A message's place in the bot's window is dated again when Telegram's
// answer arrives: the window then runs from a moment after Telegram counted
// it, whatever the network's delays.
func TestWindowsRunFromTheAnswer(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	l := newLimiter(Limits{PerChatInterval: time.Second, PerChatBurst: 5, GroupMessages: 20, GroupWindow: time.Minute,
		GlobalMessages: 2, GlobalWindow: time.Second, Slack: -1}, func() time.Time { return now })
	_, r1 := l.take("a", false, 0, true)
	_, r2 := l.take("b", false, 0, true)
	if r1.id == 0 || r2.id == 0 {
		t.Fatal("no receipts")
	}
	now = now.Add(300 * time.Millisecond)
	l.sent(r1) // answered 300 ms after it went
	now = now.Add(100 * time.Millisecond)
	l.sent(r2)
	now = now.Add(600 * time.Millisecond) // a second after both went
	if d := l.admit("c", false); d != 300*time.Millisecond {
		t.Fatalf("third message waits %v, want 300ms (a second from the first answer)", d)
	}
	now = now.Add(300 * time.Millisecond)
	if d := l.admit("c", false); d != 0 {
		t.Fatalf("after the first answer's second: waits %v", d)
	}
	// A group's window too.
	g := newLimiter(Limits{PerChatInterval: time.Millisecond, PerChatBurst: 5, GroupMessages: 1, GroupWindow: time.Second,
		GlobalMessages: 30, GlobalWindow: time.Second, Slack: -1}, func() time.Time { return now })
	_, r := g.take("-100", true, 0, true)
	now = now.Add(500 * time.Millisecond)
	g.sent(r)
	now = now.Add(500 * time.Millisecond)
	if d := g.admit("-100", true); d != 500*time.Millisecond {
		t.Fatalf("group's second message waits %v, want 500ms", d)
	}
}

// Messages waiting for the bot's window go in the order they began
// waiting; one still held by its own chat's pace does not hold up others.
func TestBotWindowServesWaitersInOrder(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	l := newLimiter(Limits{PerChatInterval: time.Second, PerChatBurst: 1, GroupMessages: 20, GroupWindow: time.Minute,
		GlobalMessages: 1, GlobalWindow: time.Second, Slack: -1}, func() time.Time { return now })
	if d := l.admit("x", false); d != 0 {
		t.Fatal(d)
	}
	if d := l.admit("c", false); d != time.Second { // c's token is now spent below
		t.Fatal(d)
	}
	l.chats["c"].tokens = 0 // chat c: its own pace holds it for a second
	const a, b, c = 1001, 1002, 1000
	if d, _ := l.take("c", false, c, true); d <= 0 {
		t.Fatal("c let go")
	}
	for _, w := range []struct {
		chat   string
		ticket uint64
	}{{"a", a}, {"b", b}} {
		if d, _ := l.take(w.chat, false, w.ticket, true); d != time.Second {
			t.Fatalf("%s waits %v, want 1s", w.chat, d)
		}
	}
	now = now.Add(time.Second) // one place free
	if d, _ := l.take("b", false, b, true); d != yield {
		t.Fatalf("b, asking first, waits %v; want it to yield to a, who waited longer", d)
	}
	if d, r := l.take("a", false, a, true); d != 0 || r.id == 0 {
		t.Fatalf("a waits %v", d)
	} else {
		l.sent(r)
	}
	now = now.Add(500 * time.Millisecond)
	// c's chat is ready again, the bot's window not: c queues, ahead of b
	// as it began waiting first.
	if d, _ := l.take("c", false, c, true); d != 500*time.Millisecond {
		t.Fatalf("c waits %v, want 500ms", d)
	}
	now = now.Add(500 * time.Millisecond)
	if d, _ := l.take("b", false, b, true); d != yield {
		t.Fatalf("b waits %v, want it to yield to c", d)
	}
	if d, _ := l.take("c", false, c, true); d != 0 {
		t.Fatalf("c waits %v", d)
	}
}

// A message still unanswered stands in the windows at now: a slow answer
// never lets the next message in early, and one never answered (let go,
// then not sent) stops counting after inFlightMax.
func TestUnansweredMessagesHoldTheirPlace(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	l := newLimiter(Limits{PerChatInterval: time.Millisecond, PerChatBurst: 5, GroupMessages: 20, GroupWindow: time.Minute,
		GlobalMessages: 1, GlobalWindow: time.Second, Slack: -1}, func() time.Time { return now })
	_, r := l.take("a", false, 0, true)
	now = now.Add(1100 * time.Millisecond) // no answer yet
	if d := l.admit("b", false); d != time.Second {
		t.Fatalf("while the first is in flight the next waits %v, want 1s", d)
	}
	l.sent(r) // answered now
	now = now.Add(999 * time.Millisecond)
	if d := l.admit("b", false); d != time.Millisecond {
		t.Fatalf("a second from the answer: waits %v, want 1ms", d)
	}
	now = now.Add(time.Millisecond)
	if d := l.admit("b", false); d != 0 {
		t.Fatalf("after the answer's second: waits %v", d)
	}
	// Let go, never sent: after inFlightMax and the window it is gone.
	now = now.Add(time.Hour)
	l.take("c", false, 0, true)
	now = now.Add(inFlightMax + time.Second)
	if d := l.admit("d", false); d != 0 {
		t.Fatalf("an abandoned place still held: waits %v", d)
	}
}

// BenchmarkLimiter: one message let go and answered, over 100 chats, with
// the windows full of recent messages (the fan-out's steady state).
//
//	go test ./publishers/telegram -run '^$' -bench Limiter
func BenchmarkLimiter(b *testing.B) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	l := newLimiter(Limits{PerChatInterval: time.Nanosecond, PerChatBurst: 1 << 20, GroupMessages: 1 << 20, GroupWindow: time.Minute,
		GlobalMessages: 30, GlobalWindow: time.Second, Slack: -1}, func() time.Time { return now })
	chats := make([]string, 100)
	for i := range chats {
		chats[i] = "-100" + string(rune('0'+i%10)) + string(rune('0'+i/10))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		now = now.Add(33 * time.Millisecond) // a bit over 30 a second: the window is full
		d, r := l.take(chats[i%len(chats)], true, 0, true)
		if d > 0 {
			continue
		}
		l.sent(r)
	}
}
