package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText turns a feed item's content into clean plain text: paragraphs of
// single-spaced text joined by "\n\n".
//
// The content may be an HTML fragment or plain text; both go through the HTML
// tokenizer, which leaves text without markup as it is apart from decoding
// character references. Markup is dropped, the content of elements that never
// hold article text (script, style, svg, ...) is dropped with it, and block
// elements, <br> and blank lines become paragraph breaks. Invisible and control
// characters are removed and invalid UTF-8 becomes U+FFFD.
//
// Character references are decoded once more when they survive the first
// decoding (see decodeLeftoverEntities), but escaped markup is never parsed a
// second time: "&lt;script&gt;" stays the literal text "<script>". Treating it
// as a tag would silently swallow the rest of an article that talks about HTML.
//
// PlainText runs in time linear in its input, uses no recursion and does not
// panic, whatever the input.
func PlainText(s string) string {
	z := html.NewTokenizer(strings.NewReader(strings.ToValidUTF8(s, "\uFFFD")))
	var w paragraphWriter
	var drop dropStack
	for {
		switch z.Next() {
		case html.ErrorToken:
			// io.EOF, or malformed input the tokenizer gave up on: keep
			// whatever text came before.
			return w.String()
		case html.TextToken:
			if !drop.active() {
				w.text(decodeLeftoverEntities(string(z.Text())))
			}
		case html.StartTagToken:
			a := tagAtom(z)
			if isDropped(a) {
				drop.push(a)
			} else if !drop.active() {
				w.boundary(a)
			}
		case html.EndTagToken:
			a := tagAtom(z)
			if isDropped(a) {
				drop.pop(a)
			} else if !drop.active() {
				w.boundary(a)
			}
		case html.SelfClosingTagToken:
			// <svg/> or <script/> have no content to drop; <br/> still breaks.
			if !drop.active() {
				w.boundary(tagAtom(z))
			}
		}
	}
}

// tagAtom returns the atom of the current tag's lower-cased name, or 0 for
// names HTML does not know (custom elements), which are treated as inline.
func tagAtom(z *html.Tokenizer) atom.Atom {
	name, _ := z.TagName()
	return atom.Lookup(name)
}

// boundary records the separation an element implies for the text around it.
func (w *paragraphWriter) boundary(a atom.Atom) {
	switch {
	case isBlock(a):
		w.paragraphBreak()
	case isCell(a):
		w.wordBreak()
	}
}
