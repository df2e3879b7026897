package clean

// A run is one call of clean: the rules, the title, and what was found so far.
type run struct {
	rs     *ruleSet
	title  titleMatcher
	hit    func(id string) // reports each rule applied; nil outside tests
	zone   bool            // a footer near the end was seen
	res    Result
	origin candidate
	lits   foundCache
	// Scratch space for keys of date words.
	keyRunes []rune
	keyBytes []byte
}

// match is a rule that matched a paragraph or a prefix.
type match struct {
	kind   string
	ids    []string // the rules and date words that made it, for coverage
	origin string
}

// maxSteps bounds the prefixes stripped from one paragraph.
const maxSteps = 8

func (rs *ruleSet) clean(title, text string, hit func(string)) Result {
	r := &run{rs: rs, title: newTitleMatcher(title), hit: hit, lits: foundCache{index: rs.lits}}
	paras := splitParagraphs(text)
	for i, p := range paras {
		kept, footer := r.paragraph(p)
		if kept != "" {
			r.res.Paragraphs = append(r.res.Paragraphs, kept)
		}
		if footer && nearEnd(i, len(paras)) {
			r.zone = true
		}
	}
	r.datelines()
	r.res.Origin = r.origin.name
	return r.res
}

// nearEnd reports whether paragraph i of n is where footers sit: in the
// second half, or among the last five, but never first. A footer there opens
// a zone where short lines that look like names or links go too; a "Source:"
// line at the top opens none.
func nearEnd(i, n int) bool {
	return i > 0 && (2*i >= n || n-1-i <= 4)
}

// paragraph cleans one paragraph. It returns what is kept, "" if nothing, and
// whether the paragraph was a footer or source line.
func (r *run) paragraph(p string) (kept string, footer bool) {
	for range maxSteps {
		cuts := cutPoints(p)
		cut, m, ok := r.gluedPrefix(p, cuts)
		if !ok {
			if m, ok := r.whole(p); ok {
				r.apply(m, p)
				return "", m.kind == kindFooter || m.kind == kindSource
			}
			if cut, m, ok = r.prefix(p, cuts); !ok {
				return p, false
			}
		}
		r.apply(m, p[:cut])
		if p = trimLead(p[cut:]); p == "" {
			return "", false
		}
	}
	return p, false
}

func (r *run) apply(m match, text string) {
	if r.hit != nil {
		for _, id := range m.ids {
			r.hit(id)
		}
	}
	r.res.Removed = append(r.res.Removed, Removal{Rule: m.kind, Text: trimSpace(text)})
	r.origin.offer(m.kind, m.origin)
}

// datelines reads the origin off a dateline opening one of the first kept
// paragraphs (a standfirst may come before the lede).
func (r *run) datelines() {
	for i, p := range r.res.Paragraphs {
		if i == 3 {
			return
		}
		if m, ok := r.dateline(p); ok {
			if r.hit != nil {
				r.hit(m.ids[0])
			}
			r.origin.offer(kindDateline, m.origin)
			return
		}
	}
}

// dateline matches the detect rules at the start of p.
func (r *run) dateline(p string) (match, bool) {
	for i := range r.rs.rules {
		ru := &r.rs.rules[i]
		if ru.mode != modeDetect {
			continue
		}
		if _, origin, ok := ru.match(p, &r.lits); ok {
			return match{kind: kindDateline, ids: []string{ru.id}, origin: origin}, true
		}
	}
	return match{}, false
}
