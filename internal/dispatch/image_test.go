package dispatch_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/dispatch"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
	"github.com/crierhq/crier/templates"
)

// captioned is a publisher that takes captions of at most limit runes.
type captioned struct {
	scripted
	limit int
}

func (c *captioned) CaptionFits(context.Context) func(string) bool {
	return func(s string) bool { return len([]rune(s)) <= c.limit }
}

// storeWithImageItem is a store holding one item with an image, queued for
// the targets.
func storeWithImageItem(t *testing.T, title string, summary []string, image string, targets ...string) (*storetest.Clock, *sqlite.Store) {
	t.Helper()
	clock := storetest.NewClock()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var ts []store.Target
	for _, id := range targets {
		ts = append(ts, store.Target{ID: id, Publisher: "console"})
	}
	if err := st.SyncSources(ctx, []model.Source{{ID: "src", Name: "Src", URL: "https://e.com/"}}); err != nil {
		t.Fatal(err)
	}
	if err := st.SyncTargets(ctx, ts); err != nil {
		t.Fatal(err)
	}
	saved, err := st.SaveItems(ctx, "src", model.FetchState{}, []model.Item{{Key: "k", Title: title, Link: "https://e.com/k", State: model.ItemNew}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnqueueDeliveries(ctx, store.Enqueue{ItemID: saved[0].ID, Summary: summary,
		Image: model.Image{URL: image}, Targets: targets}); err != nil {
		t.Fatal(err)
	}
	return clock, st
}

// A post with an image gets a caption rendered to the caption limit, with
// whole sentences dropped to fit (the full text stays for the message), and
// alt text from the title when the page gave none; a target without images
// gets neither.
func TestImagesAndCaptions(t *testing.T) {
	long := strings.Repeat("Rescue teams worked through the night. ", 3)
	clock, st := storeWithImageItem(t, "Quake in Van", []string{"A strong quake hit the city.", long},
		"https://e.com/quake.jpg", "photo", "tiny", "plain")
	tmpl, _ := templates.New("")
	photo, tiny, plain := &captioned{limit: 120}, &captioned{limit: 10}, &scripted{}
	targets := []dispatch.Target{
		{ID: "photo", Template: "console.txt.tmpl", Images: true, Publisher: photo},
		{ID: "tiny", Template: "console.txt.tmpl", Images: true, Publisher: tiny},
		{ID: "plain", Template: "console.txt.tmpl", Images: false, Publisher: plain},
	}
	d := dispatch.New(st, tmpl, targets, dispatch.Options{}, slog.New(slog.NewTextHandler(io.Discard, nil)), clock.Now)
	if _, err := d.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	m := photo.sent[0]
	if m.Image.URL != "https://e.com/quake.jpg" || m.Image.Alt != "Quake in Van" {
		t.Errorf("image %+v", m.Image)
	}
	if !strings.Contains(m.Caption, "A strong quake hit the city.") || strings.Contains(m.Caption, "Rescue") || len([]rune(m.Caption)) > 120 {
		t.Errorf("caption %q", m.Caption)
	}
	if !strings.Contains(m.Text, "Rescue teams") {
		t.Errorf("the message lost the summary the caption dropped: %q", m.Text)
	}
	if m := tiny.sent[0]; m.Image.URL == "" || m.Caption != "" {
		t.Errorf("caption that cannot fit: image %+v, caption %q", m.Image, m.Caption)
	}
	if m := plain.sent[0]; m.Image.URL != "" || m.Caption != "" {
		t.Errorf("a target without images got %+v, %q", m.Image, m.Caption)
	}
}

// A post whose sends keep failing goes on without its image after two
// attempts: the image may be what fails.
func TestImageDroppedAfterFailedAttempts(t *testing.T) {
	clock, st := storeWithImageItem(t, "T", []string{"S."}, "https://slow.example/p.jpg", "photo")
	tmpl, _ := templates.New("")
	pub := &captioned{limit: 1024, scripted: scripted{script: []error{transient("timeout"), transient("timeout")}}}
	d := dispatch.New(st, tmpl, []dispatch.Target{{ID: "photo", Template: "console.txt.tmpl", Images: true, Publisher: pub}},
		dispatch.Options{BaseBackoff: time.Second, MaxAttempts: 5}, slog.New(slog.NewTextHandler(io.Discard, nil)), clock.Now)
	for range 3 {
		if _, err := d.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Hour)
	}
	if len(pub.sent) != 1 || pub.sent[0].Image.URL != "" {
		t.Fatalf("sent %+v, want the post without its image on the third attempt", pub.sent)
	}
}
