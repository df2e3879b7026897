package pipeline

import (
	"context"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/leadimage"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// ErrAlreadyPosted refuses to post an article page a second time.
var ErrAlreadyPosted = errors.New("this article was already posted")

// Posted tells what PostPage queued.
type Posted struct {
	Title    string
	Enqueued int // deliveries created
	Skipped  int // targets that already have the story from a feed
}

// PostPage queues one article page for targets, as /post asks: the page is
// fetched like a URL from a chat (http(s), public addresses), its article
// extracted, cleaned and summarised like a feed item's, and fanned out
// through the outbox under the store's PostedSource. A page posted before is
// refused (ErrAlreadyPosted); a target that has the story from a feed gets a
// skipped delivery, as for any duplicate.
func (p *Pipeline) PostPage(ctx context.Context, rawURL string, targets []string) (Posted, error) {
	if p.opts.Pages == nil {
		return Posted{}, errors.New("article pages are not fetched by this pipeline")
	}
	page, err := p.fetchArticle(ctx, rawURL)
	if err != nil {
		return Posted{}, fmt.Errorf("read %s: %w", rawURL, err)
	}
	link := rawURL
	title := strings.TrimSpace(page.Title)
	if title == "" {
		return Posted{}, fmt.Errorf("read %s: the page has no title", rawURL)
	}
	var content strings.Builder
	for _, para := range page.Paragraphs {
		content.WriteString("<p>" + html.EscapeString(para) + "</p>")
	}
	it := model.Item{Key: feeds.ItemKey("", link, title, page.Published), Title: title, Link: link,
		Author: page.Byline, Published: page.Published, Content: content.String(), State: model.ItemNew}
	if it.Published.IsZero() {
		it.Published = p.opts.Now()
	}
	saved, err := p.store.SaveItems(ctx, store.PostedSource, model.FetchState{}, []model.Item{it})
	if err != nil {
		return Posted{}, err
	}
	if len(saved) == 0 {
		// Stored before: posted, unless a crash came between storing it
		// and queueing it, which leaves it pending.
		pending, err := p.store.PendingItems(ctx, store.PostedSource, 1000)
		if err != nil {
			return Posted{}, err
		}
		i := slices.IndexFunc(pending, func(x model.Item) bool { return x.Key == it.Key })
		if i < 0 {
			return Posted{Title: title}, ErrAlreadyPosted
		}
		saved = pending[i:]
	}
	it = saved[0]
	// The page is the article: no second fetch. Its outlet is the site
	// (or the outlet the text credits, "X via Site").
	src := model.Source{ID: store.PostedSource, URL: link, FullText: "never"}
	a := p.Prepare(ctx, src, it, p.opts.Budget(store.PostedSource))
	if a.Language == "" {
		a.Language = baseLanguage(page.Language)
	}
	site := strings.TrimSpace(page.SiteName)
	if site == "" {
		site = strings.TrimPrefix(hostOf(link), "www.")
	}
	origin := site
	if a.Origin != "" && !strings.EqualFold(a.Origin, site) {
		origin = a.Origin + " via " + site
	}
	img := leadimage.First(leadimage.Candidate{URL: page.Image})
	if img.URL == "" {
		img = a.Image
	}
	e := store.Enqueue{ItemID: it.ID, Summary: a.Summary, Origin: origin, Language: a.Language, Image: img, Targets: targets}
	if a.Print != nil && p.opts.DedupeWindow > 0 {
		e.Story = p.story(*a.Print)
	}
	res, err := p.store.EnqueueDeliveries(ctx, e)
	if err != nil {
		return Posted{Title: title}, err
	}
	p.log.Info("article posted by command", "link", link, "item", it.ID, "deliveries", res.Created, "skipped", res.Skipped)
	return Posted{Title: title, Enqueued: res.Created, Skipped: res.Skipped}, nil
}
