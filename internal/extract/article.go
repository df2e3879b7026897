package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// ErrNoArticle reports a page in which no main text was found: an index page,
// a paywall stub, a page that is all script, or no HTML at all.
var ErrNoArticle = errors.New("no article found")

// Article is the main content of a web page.
type Article struct {
	Title      string
	Byline     string // author as the page states it
	SiteName   string
	Language   string // as the page declares it (html lang / meta), "" if none
	Image      string // og:image or the lead image URL, absolute, "" if none
	Published  time.Time
	Paragraphs []string // the article's text, one paragraph per element, single-spaced, no empty ones
}

// Text joins the paragraphs with "\n\n", the paragraph convention of
// PlainText.
func (a Article) Text() string { return strings.Join(a.Paragraphs, "\n\n") }

// ArticleFromHTML extracts the article from a page: its bytes as fetched, in
// whatever charset, and its address, against which relative links resolve.
//
// The text comes from go-trafilatura with the options in newsOptions. A page
// with no main text gives an error wrapping ErrNoArticle; a page too large to
// extract in bounded time (see guardDocument) or that cannot be parsed gives
// another error. ArticleFromHTML does not panic: a panic inside the extraction
// libraries becomes an error.
func ArticleFromHTML(page []byte, pageURL string) (Article, error) {
	return articleFromHTML(page, pageURL, newsOptions)
}

// articleFromHTML is ArticleFromHTML with the trafilatura options made by
// options, so that the corpus test can measure alternatives.
func articleFromHTML(page []byte, pageURL string, options func(*url.URL) trafilatura.Options) (a Article, err error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return Article{}, fmt.Errorf("extract article: page URL: %w", err)
	}
	defer func() {
		// The extractors are large ports of Python, JavaScript and Java
		// code whose index arithmetic has not met every page on the web;
		// one bad page must not take the pipeline down.
		if r := recover(); r != nil {
			a, err = Article{}, fmt.Errorf("extract article from %s: extractor panicked: %v", pageURL, r)
		}
	}()
	// html.Parse refuses pages nested deeper than 512 elements, which
	// keeps the recursive walks of the extractors below shallow.
	doc, err := html.Parse(bytes.NewReader(decodePage(page)))
	if err != nil {
		return Article{}, fmt.Errorf("extract article from %s: parse: %w", pageURL, err)
	}
	if err := guardDocument(doc); err != nil {
		return Article{}, fmt.Errorf("extract article from %s: %w", pageURL, err)
	}
	res, err := trafilatura.ExtractDocument(doc, options(base))
	if err != nil {
		// trafilatura reports only "nothing long enough was found" kinds
		// of failure once the document is parsed.
		return Article{}, fmt.Errorf("extract article from %s: %w: %w", pageURL, ErrNoArticle, err)
	}
	a = Article{
		Title:      oneLine(res.Metadata.Title),
		Byline:     byline(res.Metadata.Author),
		SiteName:   oneLine(res.Metadata.Sitename),
		Language:   declaredLanguage(doc),
		Image:      articleImage(res.Metadata.Image, res.ContentNode, documentBase(doc, base)),
		Published:  res.Metadata.Date,
		Paragraphs: paragraphs(res.ContentNode),
	}
	if len(a.Paragraphs) == 0 || isOnlyTitle(a.Paragraphs, a.Title, doc) {
		return Article{}, fmt.Errorf("extract article from %s: %w", pageURL, ErrNoArticle)
	}
	return a, nil
}
