package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A date line is a paragraph made only of date words, with at most a couple
// of fillers ("Updated:", "at"): a sentence that merely contains a date has
// other words and is kept.
const (
	maxDateWords   = 14
	maxDateFillers = 3
)

// dateTrim is the punctuation around date words: "29," "г." "(14:05)".
const dateTrim = ",;:|()[]{}–—-·•՝։.«»\"'/…"

// dateLine reports whether p, of the given word count, is a date line, and
// which date words made it.
func (r *run) dateLine(p string, words int) ([]string, bool) {
	// Every date line has a number: a stamp, a day or a year.
	if words > maxDateWords || !strings.ContainsFunc(p, unicode.IsDigit) {
		return nil, false
	}
	var ids []string
	var stamp, month, number, part bool
	fillers := 0
	for w := range strings.FieldsSeq(p) {
		w = strings.Trim(w, dateTrim)
		if w == "" {
			continue // a lone separator
		}
		d := r.dateWord(w)
		if d == nil {
			return nil, false
		}
		switch d.role {
		case roleStamp:
			stamp = true
		case roleMonth:
			month = true
		case roleNumber:
			number = true
		case rolePart:
			part = true
		case roleFiller:
			fillers++
		}
		if !slices.Contains(ids, d.id) {
			ids = append(ids, d.id)
		}
	}
	// A stamp is a date line; a month needs a day, a year or a weekday; a
	// year alone ("2026") is none.
	if fillers > maxDateFillers || !stamp && !(month && (number || part)) {
		return nil, false
	}
	return ids, true
}

// dateWord returns the date words w belongs to, nil if none: the first list
// holding w's key, else the first list with a pattern matching w.
func (r *run) dateWord(w string) *dateWords {
	r.keyRunes = appendKey(r.keyRunes[:0], w)
	r.keyBytes = r.keyBytes[:0]
	for _, k := range r.keyRunes {
		r.keyBytes = utf8.AppendRune(r.keyBytes, k)
	}
	dates := r.rs.dates
	if i, ok := r.rs.dateKeys[string(r.keyBytes)]; ok {
		return &dates[i]
	}
	for i := range dates {
		for j := range dates[i].patterns {
			if pat := &dates[i].patterns[j]; pat.first.allows(w) && pat.re.MatchString(w) {
				return &dates[i]
			}
		}
	}
	return nil
}
