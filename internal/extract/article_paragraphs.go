package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// paragraphs returns the text of an extracted content tree laid out as
// PlainText lays out markup, one paragraph per element. The walk is iterative
// so that no depth of tree can exhaust the stack.
func paragraphs(root *html.Node) []string {
	if root == nil {
		return nil
	}
	var w paragraphWriter
	n := root
	for {
		descend := false
		switch n.Type {
		case html.TextNode:
			w.text(strings.ToValidUTF8(n.Data, "\uFFFD"))
		case html.ElementNode:
			if a := nodeAtom(n); !isDropped(a) {
				w.boundary(a)
				descend = n.FirstChild != nil
			}
		case html.DocumentNode:
			descend = n.FirstChild != nil
		}
		if descend {
			n = n.FirstChild
			continue
		}
		// Close n and every ancestor whose last child it was: a block's end
		// breaks the text as its start does.
		for {
			if n.Type == html.ElementNode {
				if a := nodeAtom(n); !isDropped(a) {
					w.boundary(a)
				}
			}
			if n == root || n.Parent == nil {
				return splitParagraphs(w.String())
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

// nodeAtom returns an element's atom. Trees built by code rather than by the
// parser may leave DataAtom unset, so the name is looked up again then.
func nodeAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// splitParagraphs splits the writer's output and composes it to NFC: text
// typed on macOS or decomposed by a CMS would otherwise carry accents as
// separate code points, which counts them twice against a post's length.
func splitParagraphs(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(norm.NFC.String(text), "\n\n")
}
