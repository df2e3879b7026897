package telegram

import (
	"testing"
	"time"
)

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
