package extract

import (
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxPageElements bounds the work one page can cost. The extractors spend
// 15–60 µs per element (more the deeper it sits), so a flood of a million
// <br>s takes fifteen seconds; 50,000 keeps the worst case near three seconds
// on one core, while the Readability corpus of news and blog pages peaks under
// 10,000.
const maxPageElements = 50_000

// maxJSONRepairs is how many stray closing braces a JSON-LD block may carry.
const maxJSONRepairs = 3

// guardDocument refuses documents too large to extract in bounded time and
// rewrites structured-data scripts that would make the extractors loop.
//
// go-htmldate repairs a JSON-LD block that fails to decode by dropping one
// trailing "}" and decoding again, for as long as one is left: a block ending
// in 65,536 braces costs 65,536 decodings of the whole block (a test of it was
// still running after ten minutes).
// So each such block is decoded here first: a valid block is kept, one that a
// few trailing braces spoil is repaired, and any other is removed. The
// metadata readers would learn nothing from it anyway.
func guardDocument(doc *html.Node) error {
	var elements int
	var scripts []*html.Node
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		elements++
		if elements > maxPageElements {
			return fmt.Errorf("page has more than %d elements", maxPageElements)
		}
		if n.DataAtom == atom.Script && isJSONScript(n) {
			scripts = append(scripts, n)
		}
	}
	// Changed after the walk: the iterator must not see the tree change.
	for _, n := range scripts {
		if !repairJSONScript(n) {
			n.Parent.RemoveChild(n)
		}
	}
	return nil
}

// isJSONScript reports whether n is a script that the extractors decode as
// JSON. They select it with exact attribute matches; this check is looser so
// that it covers them whatever their case or spacing.
func isJSONScript(n *html.Node) bool {
	t := strings.ToLower(strings.TrimSpace(attrValue(n, "type")))
	return t == "application/ld+json" || t == "application/settings+json"
}

// repairJSONScript makes the script's text valid JSON by dropping at most
// maxJSONRepairs trailing braces, and reports whether that worked.
func repairJSONScript(n *html.Node) bool {
	var text strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			text.WriteString(c.Data)
		}
	}
	s := strings.TrimSpace(text.String())
	for range maxJSONRepairs + 1 {
		if json.Valid([]byte(s)) {
			if n.FirstChild != n.LastChild || n.FirstChild.Data != s {
				for n.FirstChild != nil {
					n.RemoveChild(n.FirstChild)
				}
				n.AppendChild(&html.Node{Type: html.TextNode, Data: s})
			}
			return true
		}
		trimmed, ok := strings.CutSuffix(s, "}")
		if !ok {
			return false
		}
		s = strings.TrimSpace(trimmed)
	}
	return false
}
