package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/mastodonapi"
	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/opml"
)

// TestBotImportsAndExportsOPML: an admin imports a list sent as a document
// (again by replying to it: nothing changes) and gets the sources back as
// an OPML document; a stranger is refused both and changes nothing.
func TestBotImportsAndExportsOPML(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	admin := telegramapi.User{ID: 42, FirstName: "Admin", LanguageCode: "en"}
	stranger := telegramapi.User{ID: 7, FirstName: "Stranger", LanguageCode: "ru"}
	w.tg.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private, Title: "Admin"})
	w.tg.AddChat(telegramapi.Chat{ID: 7, Type: telegramapi.Private, Title: "Stranger"})
	list, err := os.ReadFile("../../internal/opml/testdata/feeds.opml")
	if err != nil {
		t.Fatal(err)
	}
	doc := telegramapi.Document{Name: "feeds.opml", MIMEType: "text/x-opml", Data: list}
	var logs syncBuffer
	stop := w.runCrier(t, &logs)
	defer stop()
	waitFor(t, "the bot polling", w.tg.Polling)

	w.tg.PushDocument(7, stranger, doc, "/import")
	w.tg.PushMessage(7, stranger, "/export")
	waitFor(t, "the stranger's refusals", func() bool { return len(w.tg.Messages(7)) == 2 })
	// Nothing changed: the admin's import below adds every feed.
	for _, m := range w.tg.Messages(7) {
		if m.Method != "sendMessage" || !strings.Contains(m.Text, "доступна только администраторам") {
			t.Errorf("stranger got %s %q", m.Method, m.Text)
		}
	}

	_, msgID := w.tg.PushDocument(42, admin, doc, "/import")
	waitFor(t, "the import report", func() bool { return len(w.tg.Messages(42)) == 1 })
	if got := w.tg.Messages(42)[0].Text; !strings.HasPrefix(got, "Import: 8 added, 0 already followed, 0 refused.") {
		t.Errorf("import report: %q", got)
	}
	w.tg.PushReply(42, admin, "/import", msgID)
	waitFor(t, "the second report", func() bool { return len(w.tg.Messages(42)) == 2 })
	if got := w.tg.Messages(42)[1].Text; !strings.HasPrefix(got, "Import: 0 added, 8 already followed, 0 refused.") {
		t.Errorf("second import report: %q", got)
	}
	w.tg.PushMessage(42, admin, "/import")
	waitFor(t, "the usage", func() bool { return len(w.tg.Messages(42)) == 3 })
	if got := w.tg.Messages(42)[2].Text; !strings.Contains(got, "caption /import") {
		t.Errorf("import without a file: %q", got)
	}

	w.tg.PushMessage(42, admin, "/export")
	waitFor(t, "the export", func() bool { return len(w.tg.Messages(42)) == 4 })
	sent := w.tg.Messages(42)[3]
	if sent.Method != "sendDocument" || sent.Document != "upload:crier-sources.opml" || sent.Text != "9 source(s), as OPML." {
		t.Fatalf("export sent %s %s %q", sent.Method, sent.Document, sent.Text)
	}
	feeds, err := opml.Parse(bytes.NewReader(sent.DocumentData))
	if err != nil || len(feeds) != 9 {
		t.Fatalf("exported %d feeds: %v\n%s", len(feeds), err, sent.DocumentData)
	}
	cats := map[string]string{}
	for _, f := range feeds {
		cats[f.Title] = f.Category
	}
	if cats["Медуза — новости"] != "Новости" || cats["The Go Blog"] != "Tech/Go" || cats["Asbarez"] != "" {
		t.Errorf("exported categories %v", cats)
	}
}
