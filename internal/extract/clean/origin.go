package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// candidate is the best origin found so far.
type candidate struct {
	name string
	rank int
}

// offer keeps name if it comes from a stronger kind of statement than the
// current candidate; among equals the first stays.
func (c *candidate) offer(kind, name string) {
	if r := originRank(kind); name != "" && r > c.rank {
		c.name, c.rank = name, r
	}
}

const (
	maxOriginRunes = 60
	maxOriginWords = 6
)

// originCuts end the first of several sources: "Reuters, AP", "AA / Haber
// Merkezi", "Ministry of Health - Ankara".
var originCuts = []string{", ", "; ", " / ", " | ", " - ", " – ", " — ", " ("}

// originTrim is the punctuation around a name: quotes, brackets, a final dot.
const originTrim = " \t\"'«»“”„‘’.,;:!?()[]՝։`*"

// cleanOrigin turns what a source statement names into an outlet's name, or
// "" if it does not look like one. A URL or domain becomes its domain.
func cleanOrigin(x string) string {
	if !utf8.ValidString(x) {
		return "" // a name is posted; broken bytes are no name
	}
	x = strings.Trim(x, originTrim)
	if d, ok := domainOf(x); ok {
		return d
	}
	if i, n := firstCut(x); i > 0 {
		// "Reuters, AP" names two sources; "Минздрава, число погибших
		// выросло" is a sentence that only starts like one.
		if !listOfNames(x[i+n:]) {
			return ""
		}
		x = x[:i]
	}
	// A trailing link: "Reuters https://reuters.com/...".
	if f := strings.Fields(x); len(f) > 1 {
		if _, ok := domainOf(f[len(f)-1]); ok && strings.ContainsAny(f[len(f)-1], "/:") {
			x = x[:strings.LastIndex(x, f[len(f)-1])]
		}
	}
	x = strings.Trim(x, originTrim)
	if utf8.RuneCountInString(x) > maxOriginRunes || countWords(x) > maxOriginWords || !looksLikeName(x) {
		return ""
	}
	return x
}

// firstCut returns where the first of several sources ends and the length of
// the separator there, or -1.
func firstCut(x string) (int, int) {
	at, n := -1, 0
	for _, sep := range originCuts {
		if i := strings.Index(x, sep); i > 0 && (at < 0 || i < at) {
			at, n = i, len(sep)
		}
	}
	return at, n
}

// listOfNames reports whether what follows a source's name is more names,
// links, or a date: anything but a sentence.
func listOfNames(rest string) bool {
	if _, ok := domainOf(strings.Trim(rest, originTrim)); ok {
		return true // "Hürriyet (https://hurriyet.com.tr)"
	}
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(",;/|()–—", r) }) {
		part = strings.Trim(part, originTrim+"-")
		if part == "" || looksLikeName(part) || strings.ContainsFunc(part, unicode.IsDigit) && countWords(part) <= 4 {
			continue
		}
		if _, ok := domainOf(part); !ok {
			return false
		}
	}
	return true
}

// domainOf returns the domain of a URL or bare domain, without "www.".
func domainOf(s string) (string, bool) {
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return "", false
	}
	host := s
	for _, scheme := range []string{"https://", "http://", "HTTPS://", "HTTP://"} {
		host = strings.TrimPrefix(host, scheme)
	}
	if i := strings.IndexAny(host, "/?#:"); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return "", false
	}
	for _, l := range labels {
		if l == "" || !strings.ContainsFunc(l, unicode.IsLetter) && len(labels) < 3 {
			return "", false
		}
		for _, r := range l {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return "", false
			}
		}
	}
	// The last label is a top-level domain: letters only ("v5.1" is none).
	if !isLetters(labels[len(labels)-1]) || utf8.RuneCountInString(labels[len(labels)-1]) < 2 {
		return "", false
	}
	return host, true
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// nameWords may be written in lower case inside an outlet's name.
var nameWords = map[string]bool{
	"of": true, "and": true, "the": true, "de": true, "la": true, "news": true, "agency": true,
	"ve": true, "ajansı": true, "gazetesi": true, "haber": true,
	"и": true, "агентство": true, "новости": true,
	"և": true, "եւ": true, "լրատվական": true, "գործակալություն": true,
}

// looksLikeName reports whether x reads like a name rather than a sentence:
// it starts with a capital (or a letter of a script without case, or a
// digit), and most of its words do.
func looksLikeName(x string) bool {
	first, _ := utf8.DecodeRuneInString(x)
	if x == "" || unicode.IsLower(first) || !strings.ContainsFunc(x, unicode.IsLetter) || !unicode.IsLetter(first) && !unicode.IsDigit(first) && first != '@' {
		return false
	}
	words, capitals := 0, 0
	for _, w := range strings.Fields(x) {
		if nameWords[strings.ToLower(w)] {
			continue
		}
		words++
		if c, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(c) {
			capitals++
		}
	}
	return 2*capitals >= words+1 || words <= 1
}
