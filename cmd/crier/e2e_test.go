package main

import (
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/publishers/mastodon/statuslen"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

func TestOncePostsEachNewItemExactlyOncePerTarget(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { oncePostsEachNewItem(t, newWorld(t, mastodonapi.Options{})) })
	t.Run("postgres", func(t *testing.T) {
		w := newWorld(t, mastodonapi.Options{})
		w.usePostgres()
		oncePostsEachNewItem(t, w)
	})
}

func oncePostsEachNewItem(t *testing.T, w *world) {
	w.publish(story(1), story(2))

	// A new source: its current items are marked seen, nothing is posted.
	code, out, errOut := w.crier("once", "--config", w.config)
	if code != 0 {
		t.Fatalf("first once exit %d:\n%s", code, errOut)
	}
	if n := len(w.tg.Messages(channelID)); n != 0 || len(w.masto.Statuses()) != 0 || strings.Contains(out, "Story") {
		t.Fatalf("first poll posted: telegram %d, mastodon %d, console %q", n, len(w.masto.Statuses()), out)
	}

	// One new item whose title holds markup and an ampersand.
	hostile := story(3)
	hostile.Title = `Yerevan & Ankara: <script>alert("x")</script> talks resume`
	hostile.Description = "<p>Talks resumed on Monday in Vienna. Both delegations called them constructive.</p>"
	w.publish(hostile)
	code, out, errOut = w.crier("once", "--config", w.config)
	if code != 0 {
		t.Fatalf("second once exit %d:\n%s", code, errOut)
	}
	msgs := w.tg.Messages(channelID)
	if len(msgs) != 1 {
		t.Fatalf("telegram got %d messages, want 1", len(msgs))
	}
	wantTG := hostile.Title + "\n\nTalks resumed on Monday in Vienna. Both delegations called them constructive.\n\nAsbarez · Asbarez Staff"
	if msgs[0].Text != wantTG {
		t.Errorf("telegram text:\n%q\nwant\n%q", msgs[0].Text, wantTG)
	}
	var bold, link bool
	for _, e := range msgs[0].Entities {
		bold = bold || (e.Type == tghtml.Bold && e.Offset == 0 && e.Length == tghtml.UTF16Len(hostile.Title))
		link = link || (e.Type == tghtml.TextLink && e.URL == hostile.Link)
	}
	if !bold || !link || msgs[0].ParseMode != "HTML" {
		t.Errorf("entities %+v (parse mode %q): want the title bold and a link to the article", msgs[0].Entities, msgs[0].ParseMode)
	}

	statuses := w.masto.Statuses()
	if len(statuses) != 1 {
		t.Fatalf("mastodon got %d statuses, want 1", len(statuses))
	}
	wantMasto := hostile.Title + "\n\nTalks resumed on Monday in Vienna. Both delegations called them constructive.\n\nAsbarez · Asbarez Staff\n" + hostile.Link
	if st := statuses[0]; st.Text != wantMasto || st.Visibility != "unlisted" || st.IdempotencyKey == "" {
		t.Errorf("mastodon status %+v\nwant text %q", st, wantMasto)
	}
	if !strings.Contains(out, "[Asbarez] "+hostile.Title) || strings.Count(out, "── stdout #") != 1 {
		t.Errorf("console output:\n%s", out)
	}

	// Nothing new: nothing posted.
	if code, out, errOut = w.crier("once", "--config", w.config); code != 0 || out != "" {
		t.Fatalf("third once exit %d, stdout %q:\n%s", code, out, errOut)
	}
	if len(w.tg.Messages(channelID)) != 1 || len(w.masto.Statuses()) != 1 {
		t.Errorf("third once posted again")
	}
	assertNoSecrets(t, out, errOut)
}

func TestLongArticleShrinksToEachPlatformLimit(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{MaxCharacters: 300})
	w.publish(story(1))
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatal(errOut)
	}
	long := story(2)
	long.Title = "Parliament passes the budget after a night of debate"
	var body strings.Builder
	for i := 0; i < 400; i++ {
		body.WriteString("The finance minister defended every line of the plan in detail. ")
	}
	long.Description = body.String()
	long.Link = "https://asbarez.com/2026/11/20/parliament-passes-the-budget-after-a-night-of-debate-and-many-amendments/"
	w.publish(long)
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatalf("once failed:\n%s", errOut)
	}
	st := w.masto.Statuses()
	if len(st) != 1 {
		t.Fatalf("mastodon statuses: %d", len(st))
	}
	if n := statuslen.Count(st[0].Text, 23); n > 300 || n < 200 {
		t.Errorf("status counts %d, want close to but within 300:\n%s", n, st[0].Text)
	}
	for _, keep := range []string{long.Title, long.Link, "Asbarez"} {
		if !strings.Contains(st[0].Text, keep) {
			t.Errorf("status lost %q:\n%s", keep, st[0].Text)
		}
	}
	msgs := w.tg.Messages(channelID)
	if len(msgs) != 1 {
		t.Fatalf("telegram messages: %d", len(msgs))
	}
	// The summary budget, not Telegram's 4096, is the binding limit here;
	// the summary ends on a whole sentence.
	if !strings.Contains(msgs[0].Text, "in detail.\n\nAsbarez") || tghtml.RuneLen(msgs[0].Text) > 4096 {
		t.Errorf("telegram text:\n%s", msgs[0].Text)
	}
}
