package statuslen

// Server-side mention extraction: Mastodon's
// Extractor.extract_mentions_or_lists_with_indices scanning with
// Account::MENTION_RE:
//
//	(?<![=/[:word:]])@(([a-z0-9_]+([.-]+[a-z0-9_]+)*)(?:@[[:word:]]+([.-]+[[:word:]]+)*)?)
//
// Specs: https://github.com/mastodon/mastodon/blob/main/app/lib/extractor.rb

// maxMentionDomain is Extractor::MAX_DOMAIN_LENGTH: a mention whose domain
// is longer is not an entity, so its full text counts.
const maxMentionDomain = 253

func extractMentions(sc *scanner) []entity {
	if !sc.contains('@') {
		return nil
	}
	rs := sc.rs
	var out []entity
	for i := 0; i < len(rs); {
		if rs[i] != '@' || (i > 0 && mentionBlockedAfter(rs[i-1])) {
			i++
			continue
		}
		userEnd := runEnd(rs, i+1, usernameChar, usernameEdge)
		if userEnd == i+1 {
			i++
			continue
		}
		end, domainLen := userEnd, 0
		if userEnd+1 < len(rs) && rs[userEnd] == '@' && wordChar(rs[userEnd+1]) {
			end = runEnd(rs, userEnd+1, domainPartChar, wordChar)
			domainLen = end - userEnd - 1
		}
		// String#scan resumes after the match whether or not it is kept.
		if !endMentionMatch(rs[end:]) && domainLen <= maxMentionDomain {
			out = append(out, entity{start: i, end: end, username: string(rs[i+1 : userEnd])})
		}
		i = end
	}
	return out
}

// runEnd matches edge (inner|edge)* greedily from i and backs off to the
// last edge character: the shape of both [a-z0-9_]+([.-]+[a-z0-9_]+)* and
// [[:word:]]+([.-]+[[:word:]]+)*. It returns i if nothing matches.
func runEnd(rs []rune, i int, inner, edge func(rune) bool) int {
	if i >= len(rs) || !edge(rs[i]) {
		return i
	}
	j := i
	for j < len(rs) && inner(rs[j]) {
		j++
	}
	for !edge(rs[j-1]) {
		j--
	}
	return j
}

// mentionBlockedAfter is the look-behind (?<![=/[:word:]]): no mention
// inside a URL path, query string or word (e-mail addresses).
func mentionBlockedAfter(r rune) bool { return r == '=' || r == '/' || wordChar(r) }

func usernameEdge(r rune) bool { return asciiAlnum(r) || r == '_' }

func usernameChar(r rune) bool { return usernameEdge(r) || r == '.' || r == '-' }

func domainPartChar(r rune) bool { return wordChar(r) || r == '.' || r == '-' }

// endMentionMatch is twitter-text's end_mention_match: a mention followed
// by another at sign, a Latin accented letter or "://" is discarded.
func endMentionMatch(after []rune) bool {
	if len(after) == 0 {
		return false
	}
	if after[0] == '@' || after[0] == '＠' || latinAccent(after[0]) {
		return true
	}
	return len(after) >= 3 && after[0] == ':' && after[1] == '/' && after[2] == '/'
}
