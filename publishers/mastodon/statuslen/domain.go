package statuslen

import "strings"

// domainAt matches twitter-text's valid_domain at d:
//
//	valid_subdomain* valid_domain_name (gTLD | ccTLD | punycode)
//
// Labels run up to a dot; subdomains may contain "_" and "-", the label
// before the TLD only "-", and each label starts and ends with a domain
// character. The regex is greedy, so the longest chain of labels followed
// by a real TLD wins; it returns the end of the TLD.
func (sc *scanner) domainAt(d int) (int, bool) {
	if v := sc.domainMemo[d]; v != 0 {
		return v - 1, v > 0
	}
	end, ok := sc.matchDomain(d)
	sc.domainMemo[d] = memo(end, ok)
	return end, ok
}

// matchDomain relies on the greedy order: a longer chain of labels wins, so
// the answer at d is the answer one label further on, if there is one, and
// otherwise the label at d followed by a TLD. Memoising domainAt makes a
// text full of dots cost linear time instead of quadratic.
func (sc *scanner) matchDomain(d int) (int, bool) {
	j := sc.labelEnd[d]
	if j == d || j >= len(sc.rs) || sc.rs[j] != '.' || !domainChar(sc.rs[d]) || !domainChar(sc.rs[j-1]) {
		return 0, false
	}
	if end, ok := sc.domainAt(j + 1); ok {
		return end, true
	}
	if strings.ContainsRune(string(sc.rs[d:j]), '_') {
		return 0, false
	}
	return sc.tldAt(j + 1)
}

// tldAt matches a TLD at t. The Ruby alternation lists every TLD followed by
// a look-ahead, so a TLD may end wherever the next character is not an ASCII
// letter, digit, "@", "+" or "-"; that allows "example.comみんな" to end at
// "com". Longer candidates are tried first. The punycode branch,
// xn--[0-9a-z]+, has no look-ahead.
func (sc *scanner) tldAt(t int) (int, bool) {
	if v := sc.tldMemo[t]; v != 0 {
		return v - 1, v > 0
	}
	end, ok := sc.matchTLD(t)
	sc.tldMemo[t] = memo(end, ok)
	return end, ok
}

func (sc *scanner) matchTLD(t int) (int, bool) {
	k := sc.domainRunEnd[t]
	if k-t > maxTLDRunes {
		k = t + maxTLDRunes
	}
	for end := k; end > t; end-- {
		if end < len(sc.rs) && !tldBoundary(sc.rs[end]) {
			continue
		}
		if isTLD(string(sc.rs[t:end])) {
			return end, true
		}
	}
	if sc.hasPrefixFold(t, "xn--") {
		j := t + len("xn--")
		for j < len(sc.rs) && asciiAlnum(sc.rs[j]) {
			j++
		}
		if j > t+len("xn--") {
			return j, true
		}
	}
	return 0, false
}

// memo encodes a match result for the memo slices: 0 is unknown, -1 no
// match, end+1 a match ending at end.
func memo(end int, ok bool) int {
	if !ok {
		return -1
	}
	return end + 1
}
