package bot

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/crierhq/crier/internal/opml"
	"github.com/crierhq/crier/internal/sources"
)

// maxRefusalLines keeps an import's report readable: the rest are counted.
const maxRefusalLines = 30

// importList answers /import, sent as the caption of an OPML file or as a
// reply to the message holding it: the list's feeds become sources added
// by this admin, without being fetched (they show in /status once polled).
func (b *Bot) importList(ctx context.Context, r *request) string {
	doc := r.u.Document
	if doc == nil {
		return b.text(r, "import_usage", nil)
	}
	if doc.Size > opml.MaxBytes {
		return b.text(r, "import_too_big", map[string]any{"MB": opml.MaxBytes >> 20})
	}
	data, err := b.d.Files.Download(ctx, doc.FileID, opml.MaxBytes)
	if err != nil {
		b.d.Log.Info("import file not downloaded", "user", r.u.FromID, "file", doc.Name, "err", err)
		return b.text(r, "import_failed", map[string]any{"Name": doc.Name, "Error": err.Error()})
	}
	feeds, err := opml.Parse(bytes.NewReader(data))
	if err != nil {
		b.d.Log.Info("import file refused", "user", r.u.FromID, "file", doc.Name, "err", err)
		return b.text(r, "import_failed", map[string]any{"Name": doc.Name, "Error": err.Error()})
	}
	rep, err := b.d.Sources.Import(ctx, feeds, r.u.FromID)
	b.d.Log.Info("sources imported", "user", r.u.FromID, "file", doc.Name,
		"added", len(rep.Added), "known", len(rep.Known), "refused", len(rep.Refused), "err", err)
	lines := []string{b.text(r, "import_done", map[string]any{"Added": len(rep.Added), "Known": len(rep.Known), "Refused": len(rep.Refused)})}
	for i, ref := range rep.Refused {
		if i == maxRefusalLines {
			lines = append(lines, b.text(r, "import_more", map[string]any{"Count": len(rep.Refused) - i}))
			break
		}
		key := "import_refused_url"
		if errors.Is(ref.Err, sources.ErrMaxSources) {
			key = "import_refused_max"
		}
		lines = append(lines, b.text(r, key, map[string]any{"Line": ref.Feed.Line, "Title": ref.Feed.Title, "URL": ref.Feed.XMLURL}))
	}
	if err != nil {
		lines = append(lines, b.failed(r, err))
	}
	return strings.Join(lines, "\n")
}

// exportList answers /export with every source as an OPML file.
func (b *Bot) exportList(_ context.Context, r *request) string {
	list := b.d.Sources.All()
	var buf bytes.Buffer
	feeds := sources.PublicFeeds(list)
	if err := opml.Write(&buf, "crier sources", b.d.Now(), feeds); err != nil {
		return b.failed(r, err)
	}
	r.file = &File{Name: "crier-sources.opml", Data: buf.Bytes()}
	return b.text(r, "export_caption", map[string]any{"Count": len(feeds)})
}
