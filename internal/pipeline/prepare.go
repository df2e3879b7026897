package pipeline

import (
	"context"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/dedupe"
	"github.com/crierhq/crier/internal/extract"
	"github.com/crierhq/crier/internal/extract/clean"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/leadimage"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/summarize"
)

// Article is an item made ready to post: its story text cleaned of
// boilerplate, summarised, attributed and fingerprinted.
type Article struct {
	Text     string // cleaned paragraphs, separated by blank lines
	Summary  []string
	Origin   string // the outlet the source republished, "" if none or itself
	Language string
	// Print fingerprints the story; nil when the text is too short to.
	Print *dedupe.Print
	// FullText tells that the text came from the article page.
	FullText bool
	// Image is the lead image: the one the feed declared, else the
	// article page's (og:image) when the page was fetched, else the
	// content's first photo.
	Image model.Image
	// Removed is the boilerplate the cleaner took out, for previews and tests.
	Removed []clean.Removal
}

// PageFetcher downloads article pages.
type PageFetcher interface {
	FetchPage(ctx context.Context, url string) (*feeds.Result, error)
}

// Prepare turns an item into an article: the feed's content, or the article
// page's text when the feed carries only a teaser (and the source allows
// it), cleaned, in its language, summarised within budget. A page that
// cannot be fetched or read leaves the feed's content: the item is posted
// anyway.
func (p *Pipeline) Prepare(ctx context.Context, src model.Source, it model.Item, budget summarize.Budget) Article {
	var a Article
	text := extract.PlainText(it.Content)
	hint := ""
	a.Image = it.Image
	if p.opts.Pages != nil && wantsPage(src.FullText, text) && isWebLink(it.Link) {
		if page, err := p.fetchArticle(ctx, it.Link); err != nil {
			p.log.Info("article page not used", "source", src.ID, "link", it.Link, "err", err)
		} else {
			if pageText := page.Text(); utf8.RuneCountInString(pageText) > utf8.RuneCountInString(text) {
				text, hint, a.FullText = pageText, page.Language, true
			}
			if a.Image.URL == "" {
				a.Image = leadimage.First(leadimage.Candidate{URL: page.Image})
			}
		}
	}
	if a.Image.URL == "" {
		a.Image = extract.ContentImage(it.Content, it.Link)
	}
	a.Language = src.Language
	if a.Language == "" && p.opts.Detector != nil {
		a.Language = p.opts.Detector.Detect(it.Title + "\n\n" + text)
	}
	if a.Language == "" {
		a.Language = baseLanguage(hint)
	}
	cleaned := clean.Clean(it.Title, text, a.Language)
	a.Text = strings.Join(cleaned.Paragraphs, "\n\n")
	a.Origin, a.Removed = cleaned.Origin, cleaned.Removed
	if sameOutlet(a.Origin, src) {
		a.Origin = ""
	}
	a.Summary = summarize.Summarize(it.Title, a.Text, a.Language, budget)
	if print, ok := dedupe.Of(it.Title, a.Text); ok {
		a.Print = &print
	}
	return a
}

func (p *Pipeline) fetchArticle(ctx context.Context, link string) (extract.Article, error) {
	page, err := p.opts.Pages.FetchPage(ctx, link)
	if err != nil {
		return extract.Article{}, err
	}
	// Extraction is CPU-bound and its heap peaks at tens of times the
	// page's size: with polls running concurrently, only as many run at
	// once as there are cores.
	select {
	case p.extractSlots <- struct{}{}:
	case <-ctx.Done():
		return extract.Article{}, ctx.Err()
	}
	defer func() { <-p.extractSlots }()
	return extract.ArticleFromHTML(page.Body, page.FinalURL)
}

// teaserRunes is the length under which a feed's content is taken for a
// teaser: shorter than a lede and a second paragraph.
const teaserRunes = 500

// teaserEndings close a text that goes on elsewhere.
var teaserEndings = []string{"…", "...", "[…]", "[...]", "(…)", "(...)", "read more", "continue reading",
	"devamı", "devamını oku", "haberin devamı", "подробнее", "читать далее", "ավելին", "կարդալ ավելին"}

// wantsPage decides whether the article page should be fetched for text.
func wantsPage(mode, text string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if utf8.RuneCountInString(text) < teaserRunes {
		return true
	}
	tail := strings.ToLower(strings.TrimSpace(text))
	for _, e := range teaserEndings {
		if strings.HasSuffix(tail, e) {
			return true
		}
	}
	return false
}

func isWebLink(link string) bool {
	return strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "http://")
}

// sameOutlet reports whether an origin names the source itself ("Source:
// Asbarez" on Asbarez's own feed), which is no republication.
func sameOutlet(origin string, src model.Source) bool {
	if origin == "" {
		return false
	}
	o := strings.ToLower(origin)
	if strings.EqualFold(o, src.Name) {
		return true
	}
	host := strings.ToLower(hostOf(src.URL))
	host = strings.TrimPrefix(host, "www.")
	return host != "" && (o == host || strings.HasSuffix(host, "."+o) || strings.HasPrefix(host, o+"."))
}

// baseLanguage reduces a tag such as "en-US" to "en".
func baseLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	base, _, _ = strings.Cut(base, "_")
	if len(base) != 2 {
		return ""
	}
	return base
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
