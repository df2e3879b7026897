package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// oneLine makes a metadata string valid UTF-8 in NFC on one line,
// single-spaced, without invisible characters, like the paragraphs.
func oneLine(s string) string {
	var w paragraphWriter
	w.text(strings.ToValidUTF8(s, "\uFFFD"))
	return norm.NFC.String(strings.ReplaceAll(w.String(), "\n\n", " "))
}

// byline turns trafilatura's author list, names joined by "; ", into the
// usual "A, B" form. Pages often name an author twice, once in a <meta> and
// once in capitals in the text, so names are kept once whatever their case.
func byline(authors string) string {
	var names []string
	seen := make(map[string]bool)
	for name := range strings.SplitSeq(authors, ";") {
		name = oneLine(name)
		key := strings.ToLower(name)
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// isOnlyTitle reports whether the text found is nothing but the page's title.
// When trafilatura finds no text it falls back to all of the document's,
// <title> included, so an empty page comes back as its own title.
func isOnlyTitle(paragraphs []string, title string, doc *html.Node) bool {
	text := strings.Join(paragraphs, " ")
	if text == title {
		return true
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				b.WriteString(c.Data)
			}
			return text == oneLine(b.String())
		}
	}
	return false
}
