package statuslen

// urlTail extends a URL past its domain with the optional port, path and
// query. Every part is optional, so the greedy regex takes each whole.
func (sc *scanner) urlTail(e int) int {
	rs := sc.rs
	if e+1 < len(rs) && rs[e] == ':' && asciiDigit(rs[e+1]) {
		e++
		for e < len(rs) && asciiDigit(rs[e]) {
			e++
		}
	}
	if e < len(rs) && rs[e] == '/' {
		e = sc.pathEnd(e + 1)
	}
	if e < len(rs) && rs[e] == '?' {
		last := -1
		for j := e + 1; j < len(rs) && queryChar(rs[j]); j++ {
			if queryEndChar(rs[j]) {
				last = j + 1
			}
		}
		if last > 0 {
			e = last
		}
	}
	return e
}

// pathEnd scans path characters and balanced parentheses from i and backs
// off to the last character a path may end with, so "/foo." keeps the dot
// out of the URL.
func (sc *scanner) pathEnd(i int) int {
	end := i
	for j := i; j < len(sc.rs); {
		r := sc.rs[j]
		if pathChar(r) {
			j++
			if pathEndChar(r) {
				end = j
			}
			continue
		}
		if r == '(' {
			if k, ok := sc.balancedParens(j); ok {
				j, end = k, k
				continue
			}
		}
		break
	}
	return end
}

// balancedParens matches valid_url_balanced_parens at j: "(chars)" or
// "(chars(chars)chars)", as in Wikipedia's /Primer_(film).
func (sc *scanner) balancedParens(j int) (int, bool) {
	rs := sc.rs
	a := sc.skipPathChars(j + 1)
	if a < len(rs) && rs[a] == ')' && a > j+1 {
		return a + 1, true
	}
	if a >= len(rs) || rs[a] != '(' {
		return 0, false
	}
	c := sc.skipPathChars(a + 1)
	if c == a+1 || c >= len(rs) || rs[c] != ')' {
		return 0, false
	}
	e := sc.skipPathChars(c + 1)
	if e < len(rs) && rs[e] == ')' {
		return e + 1, true
	}
	return 0, false
}

func (sc *scanner) skipPathChars(i int) int {
	for i < len(sc.rs) && pathChar(sc.rs[i]) {
		i++
	}
	return i
}
