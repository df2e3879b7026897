package feeds

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// formatting are the tags feeds use to style a title or a name. They are
// removed; any other tag-like text ("<script>", "the <blink> tag") is the
// author's words, kept as text and escaped when rendered. Titles arrive as
// escaped markup in RSS by habit and in Atom type="html", but a title that
// merely mentions a tag is just as common in tech news.
var formatting = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Big: true, atom.Br: true, atom.Cite: true,
	atom.Code: true, atom.Del: true, atom.Dfn: true, atom.Div: true, atom.Em: true, atom.Font: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.I: true, atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Mark: true, atom.P: true,
	atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strike: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Tt: true, atom.U: true, atom.Var: true,
	atom.Wbr: true,
}

// clean turns a single-line field (title, author, category) into plain text:
// formatting tags removed, entities decoded (twice when the feed escaped them
// twice, as in "AT&amp;amp;T"), whitespace collapsed, invisible junk gone.
func clean(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = stripFormatting(s)
	}
	return strings.Join(strings.FieldsFunc(strings.Map(dropInvisible, s), isSpace), " ")
}

func stripFormatting(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return unescapeOnce(b.String())
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if !formatting[atom.Lookup(name)] {
				b.Write(z.Raw())
			} else if a := atom.Lookup(name); a == atom.Br || a == atom.P || a == atom.Div {
				b.WriteByte(' ')
			}
		}
		// Comments and doctypes are dropped.
	}
}

// unescapeOnce decodes what is left of a double escape: the entities that
// survive one decoding are the feed's mistake, never the author's text.
func unescapeOnce(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return doubleEscaped.Replace(s)
}

var doubleEscaped = strings.NewReplacer("&amp;", "&", "&quot;", `"`, "&#39;", "'", "&#039;", "'", "&apos;", "'", "&lt;", "<", "&gt;", ">", "&nbsp;", " ")

// dropInvisible removes characters that never belong in a title: zero-width
// spaces, soft hyphens, BOMs, controls. Joiners stay: emoji sequences need
// them.
func dropInvisible(r rune) rune {
	switch {
	case r == '\u00ad', r == '\u200b', r == '\u2060', r == '\ufeff':
		return -1
	case r < ' ' && r != '\t' && r != '\n' && r != '\r', r >= 0x7f && r < 0xa0:
		return -1
	}
	return r
}

// isSpace splits on every kind of space, including no-break ones.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007'
}
