package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// articleImage returns the page's image for a post: the one its metadata
// names (og:image, twitter:image, JSON-LD), which publishers pick for
// sharing, else the first image of the extracted text.
func articleImage(metaImage string, content *html.Node, base *url.URL) string {
	if u := absoluteURL(base, metaImage); u != "" {
		return u
	}
	if content == nil {
		return ""
	}
	for n := range content.Descendants() {
		if n.Type == html.ElementNode && nodeAtom(n) == atom.Img {
			if u := absoluteURL(base, attrValue(n, "src")); u != "" {
				return u
			}
		}
	}
	return ""
}

// documentBase is the URL that the page's relative links resolve against:
// its <base href> if it has one, else its own address.
// Specs: https://html.spec.whatwg.org/multipage/urls-and-fetching.html#document-base-url
func documentBase(doc *html.Node, page *url.URL) *url.URL {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Base {
			if href, ok := attrLookup(n, "href"); ok {
				if u, err := page.Parse(strings.TrimSpace(href)); err == nil {
					return u
				}
				return page
			}
		}
	}
	return page
}

// absoluteURL resolves ref against base and returns it if it is an http(s)
// URL, "" otherwise: a data: or javascript: "image" is of no use to a post.
func absoluteURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return strings.ToValidUTF8(u.String(), "")
}

func attrValue(n *html.Node, key string) string {
	v, _ := attrLookup(n, key)
	return v
}

func attrLookup(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}
