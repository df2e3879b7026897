package pipeline

import (
	"context"
	"fmt"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
)

// Preview fetches src unconditionally and returns its newest n items,
// summarised, newest first, with the feed's title. It reads and writes
// nothing in the store.
func Preview(ctx context.Context, f Fetcher, src model.Source, n int) ([]model.Item, string, error) {
	fetched, err := f.Fetch(ctx, src.URL, model.FetchState{})
	if err != nil {
		return nil, "", fmt.Errorf("fetch %s: %w", src.URL, err)
	}
	feed, err := feeds.Parse(fetched.Body, fetched.ContentType, fetched.FinalURL)
	if err != nil {
		return nil, "", err
	}
	items := chronological(feed.Items)
	var out []model.Item
	for i := len(items) - 1; i >= 0 && len(out) < n; i-- {
		it := items[i]
		it.SourceID = src.ID
		it.Summary = Summarize(it, src.Language)
		out = append(out, it)
	}
	return out, feed.Title, nil
}
