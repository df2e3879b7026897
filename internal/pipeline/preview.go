package pipeline

import (
	"context"
	"fmt"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
)

// Preview fetches src unconditionally and returns its newest n items,
// prepared as a poll would prepare them (full text, cleaning, attribution,
// summary), newest first, with the feed's title. It reads and writes nothing
// in the store. A source with AddedBy set is fetched as a URL from a chat.
func (p *Pipeline) Preview(ctx context.Context, src model.Source, n int) ([]model.Item, string, error) {
	fetch := p.fetcher.Fetch
	if src.AddedBy != 0 {
		fetch = p.fetcher.FetchUntrusted // a URL from a chat
	}
	fetched, err := fetch(ctx, src.URL, model.FetchState{})
	if err != nil {
		return nil, "", fmt.Errorf("fetch %s: %w", src.URL, err)
	}
	feed, err := feeds.Parse(fetched.Body, fetched.ContentType, fetched.FinalURL)
	if err != nil {
		return nil, "", err
	}
	items := chronological(feed.Items)
	budget := p.opts.Budget(src.ID)
	var out []model.Item
	for i := len(items) - 1; i >= 0 && len(out) < n; i-- {
		it := items[i]
		it.SourceID = src.ID
		a := p.Prepare(ctx, src, it, budget)
		it.Summary, it.Origin, it.Language = a.Summary, a.Origin, a.Language
		out = append(out, it)
	}
	return out, feed.Title, nil
}
