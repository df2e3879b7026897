package feeds

import (
	"bytes"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"github.com/crierhq/crier/internal/model"
)

// Feed is a parsed feed: its own metadata and its items in document order,
// duplicate keys removed (the first occurrence wins).
type Feed struct {
	Title string
	Link  string
	Items []model.Item
}

// Parse parses RSS 0.9x/1.0/2.0, Atom or JSON Feed. contentType is the HTTP
// header (it may carry the charset); feedURL resolves relative links. A
// document that is not a feed gives an error, never a panic.
func Parse(data []byte, contentType, feedURL string) (feed *Feed, err error) {
	defer func() {
		// gofeed is a third-party parser fed hostile input; one bad document
		// must not bring the process down.
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("parse feed: parser failure: %v", r)
		}
	}()
	data = toUTF8(data, contentType)
	parsed, err := newParser().Parse(bytes.NewReader(data))
	if err != nil {
		if looksLikeHTML(data) {
			// A maintenance or error page served with 200: a failure,
			// never a feed that lost all its items.
			return nil, fmt.Errorf("parse feed: the server answered with an HTML page, not a feed")
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	if parsed.FeedType == "json" && !strings.Contains(parsed.FeedVersion, "jsonfeed.org") {
		// Any JSON object parses as an empty JSON Feed; an API error body
		// must not pass for a feed with no items.
		return nil, fmt.Errorf("parse feed: JSON document is not a JSON Feed (no jsonfeed.org version)")
	}
	base, _ := url.Parse(feedURL)
	if parsed.Link != "" {
		if l, err := url.Parse(strings.TrimSpace(parsed.Link)); err == nil && base != nil {
			base = base.ResolveReference(l)
		}
	}
	out := &Feed{Title: clean(parsed.Title), Link: parsed.Link}
	seen := map[string]bool{}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		item := convert(it, base)
		if seen[item.Key] {
			continue
		}
		seen[item.Key] = true
		out.Items = append(out.Items, item)
	}
	return out, nil
}

func convert(it *gofeed.Item, base *url.URL) model.Item {
	item := model.Item{
		GUID:    strings.TrimSpace(it.GUID),
		Title:   clean(it.Title),
		Link:    resolve(base, it.Link),
		Content: it.Content,
	}
	if strings.TrimSpace(item.Content) == "" {
		item.Content = it.Description
	}
	if item.Link == "" && len(it.Links) > 0 {
		item.Link = resolve(base, it.Links[0])
	}
	if item.Link == "" {
		// An item without a link but with a URL for id: in RSS 2.0 the guid
		// is the permalink by default, and Atom ids are often the page URL.
		item.Link = resolve(nil, item.GUID)
	}
	switch {
	case it.PublishedParsed != nil:
		item.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		item.Published = it.UpdatedParsed.UTC()
	}
	if it.Author != nil {
		item.Author = clean(it.Author.Name)
	}
	if item.Author == "" && len(it.Authors) > 0 && it.Authors[0] != nil {
		item.Author = clean(it.Authors[0].Name)
	}
	for _, c := range it.Categories {
		if c = clean(c); c != "" {
			item.Tags = append(item.Tags, c)
		}
	}
	item.Image = itemImage(it, base)
	item.Key = ItemKey(item.GUID, item.Link, item.Title, item.Published)
	return item
}

func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "" // javascript:, data: and friends never become post links
	}
	return u.String()
}

// toUTF8 applies the HTTP charset when the document does not declare one
// itself (gofeed handles the XML declaration), and replaces invalid bytes in
// a UTF-8 document: one stray byte must not cost the whole feed.
func toUTF8(data []byte, contentType string) []byte {
	declared := declaredEncoding(data)
	if declared == "" {
		if cs := httpCharset(contentType); cs != "" && cs != "utf-8" && cs != "utf8" {
			if r, err := charset.NewReaderLabel(cs, bytes.NewReader(data)); err == nil {
				var buf bytes.Buffer
				if _, err := buf.ReadFrom(r); err == nil {
					return buf.Bytes()
				}
			}
			return data
		}
	}
	if (declared == "" || declared == "utf-8" || declared == "utf8") && !utf16BOM(data) && !utf8.Valid(data) {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return data
}

func httpCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(params["charset"])
}

func utf16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe})
}

var encodingAttr = regexp.MustCompile(`encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// declaredEncoding is the lower-cased encoding of the XML declaration, if any.
func declaredEncoding(data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 256)], "\ufeff \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	if m := encodingAttr.FindSubmatch(head[:end]); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// looksLikeHTML reports whether a document starts like an HTML page.
func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf"))))
	for _, xml := range []string{"<?xml", "<rss", "<feed", "<rdf"} {
		if bytes.HasPrefix(head, []byte(xml)) {
			return false // a broken feed: its own error says more
		}
	}
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head>")) || bytes.Contains(head, []byte("<body"))
}
