package tghtml

// endTag parses the end tag whose "</" is at p.pos and turns the matching
// start tag into an entity. "</>" closes whatever tag is open.
func (p *parser) endTag() error {
	s, begin := p.src, p.pos
	if len(p.open) == 0 {
		return parseErrorf("Unexpected end tag at byte offset %d", begin)
	}
	i := begin + 1
	for !isSpace(byteAt(s, i)) && byteAt(s, i) != '>' {
		i++
	}
	name := toLowerASCII(s[begin+2 : i])
	for byteAt(s, i) != 0 && isSpace(byteAt(s, i)) {
		i++
	}
	if byteAt(s, i) != '>' {
		return parseErrorf("Unclosed end tag at byte offset %d", begin)
	}
	top := p.open[len(p.open)-1]
	if name != "" && name != top.name {
		return parseErrorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", begin, top.name, name)
	}
	// Empty elements make no entity and so are never validated either.
	if p.utf16 > top.utf16At {
		if err := p.closeEntity(top); err != nil {
			return err
		}
	}
	p.open = p.open[:len(p.open)-1]
	p.pos = i + 1
	return nil
}

func (p *parser) closeEntity(t openTag) error {
	e := Entity{Offset: t.utf16At, Length: p.utf16 - t.utf16At}
	switch t.name {
	case "i", "em":
		e.Type = Italic
	case "b", "strong":
		e.Type = Bold
	case "s", "strike", "del":
		e.Type = Strikethrough
	case "u", "ins":
		e.Type = Underline
	case "tg-spoiler", "span":
		e.Type = Spoiler
	case "tg-emoji":
		id, ok := parseCanonicalInt(t.attrs.emojiID, 64)
		if !ok || id == 0 {
			return parseErrorf("Invalid custom emoji identifier specified")
		}
		e.Type, e.CustomEmojiID = CustomEmoji, t.attrs.emojiID
	case "tg-time":
		if err := setDate(&e, t.attrs); err != nil {
			return err
		}
	case "a":
		if !p.linkEntity(&e, t) {
			return nil
		}
	case "pre":
		if last := p.lastSameSpan(e); last != nil && last.Type == Code && last.Language != "" {
			last.Type = Pre
			return nil
		}
		e.Type = Pre
	case "code":
		if last := p.lastSameSpan(e); last != nil && last.Type == Pre && last.Language == "" && t.attrs.language != "" {
			last.Language = t.attrs.language
			return nil
		}
		// The language is kept until the end in case an enclosing <pre>
		// with the same span claims it; Parse clears it otherwise.
		e.Type, e.Language = Code, t.attrs.language
	case "blockquote":
		e.Type = Blockquote
		if t.attrs.expandable {
			e.Type = ExpandableBlockquote
		}
	}
	p.entities = append(p.entities, e)
	return nil
}

// lastSameSpan returns the most recent entity if it covers exactly e's span:
// that is how TDLib merges <pre><code class="language-x"> into one entity.
func (p *parser) lastSameSpan(e Entity) *Entity {
	if len(p.entities) == 0 {
		return nil
	}
	last := &p.entities[len(p.entities)-1]
	if last.Offset != e.Offset || last.Length != e.Length {
		return nil
	}
	return last
}

// linkEntity fills e for an <a>; without href the link is the element's own
// text. Links TDLib cannot check are dropped silently, not reported.
func (p *parser) linkEntity(e *Entity, t openTag) bool {
	url := t.attrs.href
	if url == "" {
		url = string(p.out[t.outStart:])
	}
	if id := linkUserID(url); id > 0 && id <= maxUserID {
		e.Type, e.UserID = TextMention, id
		return true
	}
	checked := checkedLink(url)
	if checked == "" {
		return false
	}
	e.Type, e.URL = TextLink, checked
	return true
}
