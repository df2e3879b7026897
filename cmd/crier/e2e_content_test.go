package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/fakes/mastodonapi"
)

// A Turkish wire story, as its own page gives it, and the same story copied
// by an aggregator with its noise: the title repeated, a date line, a
// caption and the "source" footer.
const (
	quakeTitle = "Malatya'da 5,1 büyüklüğünde deprem"
	quakeLede1 = "Malatya'nın Pütürge ilçesinde pazar sabahı 5,1 büyüklüğünde bir deprem meydana geldi."
	quakeLede2 = "AFAD, depremin yerin 7 kilometre derinliğinde gerçekleştiğini açıkladı."
	quakeLede3 = "Depremin ardından vatandaşlar sokağa çıktı, ilk belirlemelere göre can kaybı yok."
	quakeMore  = "Valilik, hasar tespit çalışmalarının sürdüğünü ve okulların pazartesi günü tatil edildiğini bildirdi."
)

func quakePage() string {
	return `<!DOCTYPE html><html lang="tr"><head><title>` + quakeTitle + ` | Ajans</title></head><body>
<nav><a href="/">Ana sayfa</a> <a href="/gundem">Gündem</a> <a href="/spor">Spor</a></nav>
<article><h1>` + quakeTitle + `</h1>
<p>` + quakeLede1 + ` ` + quakeLede2 + `</p>
<p>` + quakeLede3 + `</p>
<p>` + quakeMore + `</p>
</article>
<footer>© 2026 Ajans. Tüm hakları saklıdır. <a href="/kunye">Künye</a></footer></body></html>`
}

func TestSummariesUseFullTextAttributionAndSkipDuplicateStories(t *testing.T) {
	w := newWorld(t, mastodonapi.Options{})
	doc := fmt.Sprintf(`storage: sqlite:data/crier.db
fetch: {allow_private_pages: true} # the article pages are on the test's loopback server
telegram:
  token: ${TEST_TG_TOKEN}
  api_endpoint: %s
sources:
  - id: wire
    name: Ajans
    url: %s
  - id: agg
    name: Daily Aggregator
    url: %s
targets:
  - id: channel
    publisher: telegram
    chat: "@crier_news"
  - id: toots
    publisher: mastodon
    server: %s
    token: ${TEST_MASTO_TOKEN}
    sources: [agg]
`, w.tg.Endpoint(), w.feeds.URL("/wire.xml"), w.feeds.URL("/agg.xml"), w.masto.URL())
	w.config = filepath.Join(w.dir, "content.yaml")
	if err := os.WriteFile(w.config, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	old := feedserver.Item{GUID: "old", Title: "Eski haber", Link: w.feeds.URL("/old.html"), Description: "Eski.",
		Published: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	w.feeds.SetItems("/wire.xml", "Ajans", []feedserver.Item{old})
	w.feeds.SetItems("/agg.xml", "Daily Aggregator", []feedserver.Item{old})
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatalf("first once: %s", errOut)
	}

	// The wire's feed carries a teaser only: the page gives the story.
	w.feeds.SetRaw("/haber/deprem.html", "text/html; charset=utf-8", quakePage())
	wire := feedserver.Item{GUID: "wire-1", Title: quakeTitle, Link: w.feeds.URL("/haber/deprem.html"),
		Description: "Malatya'nın Pütürge ilçesinde pazar sabahı 5,1 büyüklüğünde bir deprem…",
		Published:   time.Date(2026, 11, 29, 7, 0, 0, 0, time.UTC)}
	w.feeds.SetItems("/wire.xml", "Ajans", []feedserver.Item{wire, old})
	if code, _, errOut := w.crier("once", "--config", w.config); code != 0 {
		t.Fatalf("second once: %s", errOut)
	}
	msgs := w.tg.Messages(channelID)
	if len(msgs) != 1 {
		t.Fatalf("telegram got %d messages, want 1", len(msgs))
	}
	if !strings.Contains(msgs[0].Text, quakeLede1+" "+quakeLede2) || strings.Contains(msgs[0].Text, "…") {
		t.Errorf("summary is not the article's lede:\n%s", msgs[0].Text)
	}
	if !strings.HasSuffix(msgs[0].Text, "\n\nAjans") {
		t.Errorf("the wire's own story is credited to it alone:\n%s", msgs[0].Text)
	}

	// An hour later the aggregator copies it, noise and all.
	copied := feedserver.Item{GUID: "agg-1", Title: quakeTitle, Link: w.feeds.URL("/agg/deprem"),
		Description: "<p>" + quakeTitle + "</p><p>29 Kasım 2026 Pazar</p><p>Fotoğraf: AA</p><p>" + quakeLede1 + " " + quakeLede2 +
			"</p><p>" + quakeLede3 + "</p><p>" + quakeMore + "</p><p>Kaynak: Anadolu Ajansı</p>",
		Published: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)}
	w.feeds.SetItems("/agg.xml", "Daily Aggregator", []feedserver.Item{copied, old})
	code, _, errOut := w.crier("once", "--config", w.config)
	if code != 0 {
		t.Fatalf("third once: %s", errOut)
	}
	if n := len(w.tg.Messages(channelID)); n != 1 {
		t.Fatalf("the channel got the story %d times, want once", n)
	}
	statuses := w.masto.Statuses()
	if len(statuses) != 1 {
		t.Fatalf("mastodon (following only the aggregator) got %d statuses, want 1", len(statuses))
	}
	st := statuses[0]
	want := quakeTitle + "\n\n" + quakeLede1 + " " + quakeLede2 + "\n\nAnadolu Ajansı via Daily Aggregator\n" + copied.Link
	if st.Text != want || st.Language != "tr" {
		t.Errorf("status (language %q):\n%s\nwant:\n%s", st.Language, st.Text, want)
	}

	code, out, errOut := w.crier("status", "--config", w.config)
	if code != 0 {
		t.Fatalf("status: %s", errOut)
	}
	for _, want := range []string{
		`Daily Aggregator "` + quakeTitle + `" duplicates Ajans "` + quakeTitle + `" (skipped for 1 target(s))`,
		"channel: 0 pending, 1 sent, 0 failed, 1 skipped as duplicates",
		"toots: 0 pending, 1 sent, 0 failed, 0 skipped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
}
