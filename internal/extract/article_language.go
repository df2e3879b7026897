package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"
)

// declaredLanguage returns the language the page declares, as a canonical
// BCP 47 tag: <html lang> first, then the <meta> declarations in the head.
// Trafilatura's own Metadata.Language is a guess from the text (whatlanggo),
// not a declaration, so it is not used. Values that are not language tags
// ("{{lang}}", "none") count as no declaration.
func declaredLanguage(doc *html.Node) string {
	root := firstChildElement(doc, atom.Html)
	if root == nil {
		return ""
	}
	for _, attr := range root.Attr {
		if (attr.Key == "lang" || attr.Key == "xml:lang") && attr.Namespace == "" {
			if tag := languageTag(attr.Val); tag != "" {
				return tag
			}
		}
	}
	head := firstChildElement(root, atom.Head)
	if head == nil {
		return ""
	}
	for n := head.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.DataAtom != atom.Meta {
			continue
		}
		var key, content string
		for _, attr := range n.Attr {
			switch attr.Key {
			case "http-equiv", "name", "property":
				key = strings.ToLower(strings.TrimSpace(attr.Val))
			case "content":
				content = attr.Val
			}
		}
		switch key {
		case "content-language", "language", "dc.language", "og:locale":
			if tag := languageTag(content); tag != "" {
				return tag
			}
		}
	}
	return ""
}

// languageTag canonicalises a declared language ("en_US" becomes "en-US"), or
// returns "" if it is no tag. Content-Language may list several languages;
// the first is taken.
func languageTag(s string) string {
	s, _, _ = strings.Cut(s, ",")
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return ""
	}
	return tag.String()
}

func firstChildElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}
