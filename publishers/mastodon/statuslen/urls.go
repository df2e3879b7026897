package statuslen

// Server-side URL extraction: twitter-text's extract_urls_with_indices as
// Mastodon calls it, with extract_url_without_protocol: false.
// Specs: https://github.com/twitter/twitter-text/blob/master/rb/lib/twitter-text/extractor.rb

const (
	maxURLLength     = 4096 // twitter-text MAX_URL_LENGTH
	maxTCOSlugLength = 40   // twitter-text MAX_TCO_SLUG_LENGTH
)

// urlMatch is one match of twitter-text's valid_url regex.
type urlMatch struct {
	start, end             int // the URL, in runes
	domainStart, domainEnd int
	protocol               bool
}

// extractURLs returns the auto-linkable URLs that carry a scheme.
func extractURLs(sc *scanner) []entity {
	if !sc.contains(':') {
		return nil
	}
	var out []entity
	for p := 0; p <= len(sc.rs); {
		m, ok := sc.matchURLAt(p)
		if !ok {
			p++
			continue
		}
		// Ruby's String#scan resumes after the whole match even when the
		// match is then discarded, so a scheme-less "example.com/http://x.io"
		// swallows the URL inside its path.
		p = m.end
		if !m.protocol {
			continue
		}
		if e, ok := sc.acceptURL(m); ok {
			out = append(out, e)
		}
	}
	return out
}

// matchURLAt tries the regex at p the way Onigmo does: first the branch
// that consumes one preceding character, then the "^" branch, which in Ruby
// matches at the start of every line.
func (sc *scanner) matchURLAt(p int) (urlMatch, bool) {
	if p < len(sc.rs) && urlPrecedingOK(sc.rs[p]) {
		if m, ok := sc.urlAt(p + 1); ok {
			return m, true
		}
	}
	if p == 0 || sc.rs[p-1] == '\n' {
		return sc.urlAt(p)
	}
	return urlMatch{}, false
}

// urlAt matches (https?://)?domain(:port)?(/path)?(?query)? starting at s.
func (sc *scanner) urlAt(s int) (urlMatch, bool) {
	if n := sc.protocolLen(s); n > 0 {
		if end, ok := sc.domainAt(s + n); ok {
			return urlMatch{start: s, end: sc.urlTail(end), domainStart: s + n, domainEnd: end, protocol: true}, true
		}
	}
	if end, ok := sc.domainAt(s); ok {
		return urlMatch{start: s, end: sc.urlTail(end), domainStart: s, domainEnd: end}, true
	}
	return urlMatch{}, false
}

func (sc *scanner) protocolLen(s int) int {
	switch {
	case sc.hasPrefixFold(s, "https://"):
		return len("https://")
	case sc.hasPrefixFold(s, "http://"):
		return len("http://")
	}
	return 0
}

// acceptURL applies the checks twitter-text makes after the regex: the
// t.co slug limit and is_valid_domain (IDNA-encodable, at most 4096
// characters once encoded).
func (sc *scanner) acceptURL(m urlMatch) (entity, bool) {
	end := m.end
	if n, slug, ok := sc.tcoPrefix(m); ok {
		if slug > maxTCOSlugLength {
			return entity{}, false
		}
		end = m.start + n
	}
	domain := string(sc.rs[m.domainStart:m.domainEnd])
	asciiLen, ok := asciiDomainLen(domain)
	if !ok {
		return entity{}, false
	}
	length := end - m.start
	if grow := asciiLen - (m.domainEnd - m.domainStart); grow > 0 {
		length += grow
	}
	if length > maxURLLength {
		return entity{}, false
	}
	return entity{start: m.start, end: end, url: true}, true
}

// tcoPrefix matches ^https?://t\.co/([a-z0-9]+) against the URL and
// returns the matched length and the slug length.
func (sc *scanner) tcoPrefix(m urlMatch) (n, slug int, ok bool) {
	host := m.domainStart
	if !sc.hasPrefixFold(host, "t.co/") {
		return 0, 0, false
	}
	i := host + len("t.co/")
	for i < m.end && asciiAlnum(sc.rs[i]) {
		i++
	}
	slug = i - host - len("t.co/")
	if slug == 0 {
		return 0, 0, false
	}
	return i - m.start, slug, true
}
