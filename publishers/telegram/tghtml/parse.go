package tghtml

import (
	"unicode/utf8"
)

// Parse turns Bot API HTML into the plain text and entities Telegram would
// store, or fails with the error the Bot API would report: ErrInvalidUTF8 or a
// *ParseError carrying TDLib's message.
//
// The result is what parse_html returns. The Bot API then also cleans and
// trims the text before sending it; Normalize does that part.
func Parse(s string) (text string, entities []Entity, err error) {
	if !utf8.ValidString(s) {
		return "", nil, ErrInvalidUTF8
	}
	p := parser{src: s, out: make([]byte, 0, len(s))}
	if err := p.run(); err != nil {
		return "", nil, err
	}
	entities = p.entities
	for i := range entities {
		// A <code> keeps its language only when it is merged into a <pre>.
		if entities[i].Type == Code {
			entities[i].Language = ""
		}
	}
	sortEntities(entities)
	if entities == nil {
		entities = []Entity{}
	}
	return string(p.out), entities, nil
}

type parser struct {
	src string
	pos int

	out   []byte
	utf16 int // length of out in UTF-16 code units

	open     []openTag
	entities []Entity
	// sawSurrogate records a decoded &#xD800;-style reference: TDLib only
	// notices the resulting invalid text after the whole input is parsed.
	sawSurrogate bool
}

type openTag struct {
	name     string
	attrs    tagAttrs
	utf16At  int // where the entity starts in the text, in UTF-16 units
	outStart int // where it starts in out, in bytes (for <a> without href)
}

func (p *parser) run() error {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '&' {
			if code, next, ok := decodeCharRef(p.src, p.pos); ok {
				p.pos = next
				p.appendCode(code)
				continue
			}
		}
		if c != '<' {
			p.utf16 += utf16Units(c)
			p.out = append(p.out, c)
			p.pos++
			continue
		}
		var err error
		if byteAt(p.src, p.pos+1) != '/' {
			err = p.startTag()
		} else {
			err = p.endTag()
		}
		if err != nil {
			return err
		}
	}
	if n := len(p.open); n > 0 {
		return parseErrorf("Can't find end tag corresponding to start tag \"%s\"", p.open[n-1].name)
	}
	if p.sawSurrogate {
		return parseErrorf("Text contains invalid Unicode characters after decoding HTML entities, " +
			"check for unmatched surrogate code units")
	}
	return nil
}

func (p *parser) appendCode(code uint32) {
	if isSurrogate(code) {
		p.sawSurrogate = true
	}
	if code > 0xffff {
		p.utf16 += 2
	} else {
		p.utf16++
	}
	// Surrogates become U+FFFD here; the parse fails anyway.
	p.out = utf8.AppendRune(p.out, rune(code))
}
