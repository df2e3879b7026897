package clean

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// firstSet is the runes an anchored pattern's match can start with, as the
// sorted lo-hi pairs of a character class, or any when it cannot tell.
// Checking a paragraph's first rune against it skips most patterns at the
// cost of one lookup: a story paragraph starting "The" is never tried
// against "Photo:" or "Источник:".
type firstSet struct {
	any    bool
	ranges []rune
	ascii  [2]uint64 // the ASCII runes of ranges, one bit each
}

func (f *firstSet) allows(p string) bool {
	switch {
	case f.any:
		return true
	case p == "":
		return false
	case p[0] < utf8.RuneSelf:
		return f.ascii[p[0]/64]&(1<<(p[0]%64)) != 0
	}
	r, _ := utf8.DecodeRuneInString(p)
	return inClass(f.ranges, r)
}

// firstOf computes the first set of a parsed pattern.
func firstOf(re *syntax.Regexp) firstSet {
	set, nullable := first(re)
	if set.any || nullable {
		return firstSet{any: true}
	}
	set.ranges = mergePairs(set.ranges)
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if inClass(set.ranges, c) {
			set.ascii[c/64] |= 1 << (c % 64)
		}
	}
	return set
}

// first returns the runes re can start with and whether re can match the
// empty string (in which case what follows re can start too).
func first(re *syntax.Regexp) (firstSet, bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return firstSet{}, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return firstSet{}, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return firstSet{}, true
		}
		r := re.Rune[0]
		rs := []rune{r, r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				rs = append(rs, f, f)
			}
		}
		return firstSet{ranges: rs}, false
	case syntax.OpCharClass:
		return firstSet{ranges: append([]rune(nil), re.Rune...)}, false
	case syntax.OpCapture:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _ := first(re.Sub[0])
		return set, true
	case syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpRepeat:
		set, nullable := first(re.Sub[0])
		return set, nullable || re.Min == 0
	case syntax.OpConcat:
		var acc firstSet
		for _, sub := range re.Sub {
			set, nullable := first(sub)
			acc = union(acc, set)
			if !nullable {
				return acc, false
			}
		}
		return acc, true
	case syntax.OpAlternate:
		var acc firstSet
		nullable := false
		for _, sub := range re.Sub {
			set, n := first(sub)
			acc = union(acc, set)
			nullable = nullable || n
		}
		return acc, nullable
	}
	// Any character, and anything new.
	return firstSet{any: true}, false
}

func union(a, b firstSet) firstSet {
	if a.any || b.any {
		return firstSet{any: true}
	}
	return firstSet{ranges: append(a.ranges, b.ranges...)}
}

// inClass reports whether r is in the sorted lo-hi pairs of class.
func inClass(class []rune, r rune) bool {
	// Binary search for the first pair whose hi is not below r: classes
	// such as \pS have hundreds of pairs.
	lo, hi := 0, len(class)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if class[2*m+1] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(class)/2 && class[2*lo] <= r
}

// mergePairs sorts and merges lo-hi pairs.
func mergePairs(pairs []rune) []rune {
	type span struct{ lo, hi rune }
	spans := make([]span, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		spans = append(spans, span{pairs[i], pairs[i+1]})
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.lo - b.lo) })
	out := make([]rune, 0, len(pairs))
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1]+1 >= s.lo {
			out[n-1] = max(out[n-1], s.hi)
			continue
		}
		out = append(out, s.lo, s.hi)
	}
	return out
}
