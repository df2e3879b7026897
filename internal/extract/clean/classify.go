package clean

import "strings"

func trimSpace(s string) string { return strings.TrimSpace(s) }

// whole reports whether all of p is boilerplate, and which.
func (r *run) whole(p string) (match, bool) {
	words := countWords(p)
	if r.title.standalone(p, words) {
		return match{kind: kindTitle}, true
	}
	if m, ok := r.wholeRule(p, words, false); ok {
		return m, true
	}
	if ids, ok := r.dateLine(p, words); ok {
		return match{kind: kindDate, ids: ids}, true
	}
	// Rules for the footer zone come last: "Paylaş" is a share prompt
	// before it is a short capitalised line.
	if r.zone {
		return r.wholeRule(p, words, true)
	}
	return match{}, false
}

// wholeRule tries the whole-paragraph rules, zone-only ones or the others.
func (r *run) wholeRule(p string, words int, zoneOnly bool) (match, bool) {
	for i := range r.rs.rules {
		ru := &r.rs.rules[i]
		if ru.mode == modeDetect || ru.zoneOnly != zoneOnly {
			continue
		}
		if lim := ru.limit(r.zone); lim > 0 && words > lim {
			continue
		}
		end, origin, ok := ru.match(p, &r.lits)
		if !ok || end < len(p) && ru.mode != modeContains {
			continue
		}
		return match{kind: ru.kind, ids: []string{ru.id}, origin: origin}, true
	}
	return match{}, false
}

// match tries the rule's patterns at the start of p and returns where the
// match ends and the origin it names. A pattern naming an origin matches only
// if what it names looks like an outlet: "Source: officials said ..." is no
// source line.
func (ru *rule) match(p string, lits *foundCache) (end int, origin string, ok bool) {
	for i := range ru.patterns {
		pat := &ru.patterns[i]
		if !pat.first.allows(p) || pat.ids != nil && !anyFound(lits.of(p), pat.ids) {
			continue
		}
		if pat.yesNo {
			if pat.re.MatchString(p) {
				return len(p), "", true
			}
			continue
		}
		loc := pat.re.FindStringSubmatchIndex(p)
		if loc == nil {
			continue
		}
		if g := pat.origin; g >= 0 && loc[2*g] >= 0 {
			origin = cleanOrigin(p[loc[2*g]:loc[2*g+1]])
			if origin == "" {
				continue
			}
		}
		return loc[1], origin, true
	}
	return 0, "", false
}

// prefix finds boilerplate at the start of p that is followed by text to
// keep, and returns where it ends. cuts are p's cutPoints.
func (r *run) prefix(p string, cuts []cutPoint) (int, match, bool) {
	// A language marker: "English : The government said ...".
	for i := range r.rs.rules {
		ru := &r.rs.rules[i]
		if ru.mode != modePrefix {
			continue
		}
		if end, _, ok := ru.match(p, &r.lits); ok && end > 0 {
			return end, match{kind: ru.kind, ids: []string{ru.id}}, true
		}
	}
	// The title, glued to what follows or followed by more noise, or with a
	// site name after it (then the whole paragraph goes).
	if cut, ok := r.title.prefixCut(p); ok {
		rest := p[cut:]
		if glued(rest) || r.noise(rest) {
			return cut, match{kind: kindTitle}, true
		}
		if nameAfter(p, rest) {
			return len(p), match{kind: kindTitle}, true
		}
	}
	// Noise ending where a line breaks, or glued to more noise ("By Jane
	// Doe29 November 2026").
	for _, c := range cuts {
		pre := trimSpace(p[:c.at])
		if pre == "" {
			continue
		}
		if m, ok := r.whole(pre); ok && strippable(m.kind) &&
			(c.newline || m.kind != kindTitle && r.noise(p[c.at:])) {
			return c.at, m, true
		}
	}
	return 0, match{}, false
}
