package extract

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crierhq/crier/internal/leadimage"
	"github.com/crierhq/crier/internal/model"
)

// maxContentImages bounds the <img> tags looked at: a lead image comes
// first, and a hostile item may hold thousands.
const maxContentImages = 20

// ContentImage returns the first image of a feed item's HTML that can lead
// a post (not a pixel, an icon or an emoji), resolved against link; zero if
// none. The tokenizer reads the HTML once, without building a tree.
func ContentImage(content, link string) model.Image {
	if !strings.Contains(content, "<") {
		return model.Image{}
	}
	base, _ := url.Parse(link)
	if base == nil {
		base = &url.URL{}
	}
	z := html.NewTokenizer(strings.NewReader(content))
	for seen := 0; seen < maxContentImages; {
		switch z.Next() {
		case html.ErrorToken:
			return model.Image{}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) != atom.Img || !hasAttr {
				continue
			}
			seen++
			var c leadimage.Candidate
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "src":
					c.URL = absoluteURL(base, string(v))
				case "alt":
					c.Alt = string(v)
				case "width":
					c.Width, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(string(v)), "px"))
				case "height":
					c.Height, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(string(v)), "px"))
				}
			}
			if img := leadimage.First(c); img.URL != "" {
				return img
			}
		}
	}
	return model.Image{}
}
