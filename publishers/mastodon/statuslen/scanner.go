package statuslen

import (
	"sort"
	"strings"
	"unicode"
)

// scanner holds a status text as runes: Ruby reports entity indices in
// characters, and working in runes keeps the transcription of the regexes
// direct.
type scanner struct {
	rs []rune
	// labelEnd[i] is the end of the run of domain characters, "_" and "-"
	// starting at i; domainRunEnd[i] the end of the run of domain characters
	// alone. Precomputing them keeps every scan linear in the label count.
	labelEnd     []int
	domainRunEnd []int
	// domainMemo and tldMemo cache domainAt and tldAt per position.
	domainMemo, tldMemo []int
}

func newScanner(text string) *scanner {
	rs := []rune(text)
	sc := &scanner{
		rs:           rs,
		labelEnd:     make([]int, len(rs)+1),
		domainRunEnd: make([]int, len(rs)+1),
		domainMemo:   make([]int, len(rs)+1),
		tldMemo:      make([]int, len(rs)+1),
	}
	sc.labelEnd[len(rs)] = len(rs)
	sc.domainRunEnd[len(rs)] = len(rs)
	for i := len(rs) - 1; i >= 0; i-- {
		sc.labelEnd[i], sc.domainRunEnd[i] = i, i
		if domainChar(rs[i]) {
			sc.labelEnd[i] = sc.labelEnd[i+1]
			sc.domainRunEnd[i] = sc.domainRunEnd[i+1]
		} else if rs[i] == '_' || rs[i] == '-' {
			sc.labelEnd[i] = sc.labelEnd[i+1]
		}
	}
	return sc
}

func (sc *scanner) contains(r rune) bool {
	for _, c := range sc.rs {
		if c == r {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether the runes at i start with the ASCII string
// prefix, ignoring ASCII case.
func (sc *scanner) hasPrefixFold(i int, prefix string) bool {
	if i < 0 || i+len(prefix) > len(sc.rs) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if unicode.ToLower(sc.rs[i+j]) != rune(prefix[j]) {
			return false
		}
	}
	return true
}

// entity is a URL or mention found in the text, in rune indices.
type entity struct {
	start, end int
	url        bool
	username   string // for mentions: the part before any @domain
}

// dropOverlaps is twitter-text's remove_overlapping_entities: sort by start
// and drop any entity that begins before the previous kept one ends.
func dropOverlaps(es []entity) []entity {
	sort.SliceStable(es, func(i, j int) bool { return es[i].start < es[j].start })
	out := es[:0]
	prevEnd := -1
	for _, e := range es {
		if prevEnd > e.start {
			continue
		}
		out = append(out, e)
		prevEnd = e.end
	}
	return out
}

// rewrite replaces each entity, which must be sorted and disjoint.
func (sc *scanner) rewrite(es []entity, urlPlaceholder string) string {
	var b strings.Builder
	last := 0
	for _, e := range es {
		b.WriteString(string(sc.rs[last:e.start]))
		if e.url {
			b.WriteString(urlPlaceholder)
		} else {
			b.WriteString("@" + e.username)
		}
		last = e.end
	}
	b.WriteString(string(sc.rs[last:]))
	return b.String()
}
