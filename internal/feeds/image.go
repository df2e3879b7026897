package feeds

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"github.com/crierhq/crier/internal/leadimage"
	"github.com/crierhq/crier/internal/model"
)

// newParser is gofeed's parser without its scan of every item's HTML for a
// first <img>: a full HTML parse per item of every changed feed, where crier
// looks at the content of new items only (the pipeline), and can tell a
// photo from a tracking pixel there.
func newParser() *gofeed.Parser {
	p := gofeed.NewParser()
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	return p
}

// itemImage is the image the feed declares for an item: Media RSS content
// and thumbnails (also inside media:group), an image enclosure, then what
// gofeed found (itunes:image, a JSON Feed's image or banner_image).
// Specs: https://www.rssboard.org/media-rss
func itemImage(it *gofeed.Item, base *url.URL) model.Image {
	var cands []leadimage.Candidate
	media := it.Extensions["media"]
	groups := media["group"]
	add := func(list []ext.Extension, thumbnails bool) {
		for _, m := range list {
			c := leadimage.Candidate{URL: resolve(base, m.Attrs["url"]), Type: m.Attrs["type"],
				Width: atoi(m.Attrs["width"]), Height: atoi(m.Attrs["height"]), Alt: mediaText(m)}
			if !thumbnails && c.Type == "" && m.Attrs["medium"] != "" && m.Attrs["medium"] != "image" {
				continue // a video or audio file without a type
			}
			if !thumbnails && c.Type == "" && m.Attrs["medium"] == "" && !leadimage.NamedAsImage(c.URL) {
				continue
			}
			cands = append(cands, c)
		}
	}
	add(media["content"], false)
	for _, g := range groups {
		add(g.Children["content"], false)
	}
	add(media["thumbnail"], true)
	for _, g := range groups {
		add(g.Children["thumbnail"], true)
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(strings.ToLower(e.Type), "image/") {
			cands = append(cands, leadimage.Candidate{URL: resolve(base, e.URL), Type: e.Type})
		}
	}
	if it.Image != nil {
		cands = append(cands, leadimage.Candidate{URL: resolve(base, it.Image.URL), Alt: it.Image.Title})
	}
	return leadimage.First(cands...)
}

// mediaText is a media element's description or title, for alt text.
func mediaText(m ext.Extension) string {
	for _, name := range []string{"description", "title"} {
		for _, c := range m.Children[name] {
			if s := clean(c.Value); s != "" {
				return s
			}
		}
	}
	return ""
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(s, "px")))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
