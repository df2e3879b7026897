package statuslen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// composerURLPlaceholder is the web composer's stand-in for a URL. It is
// fixed at 23 characters there, whatever the instance reports.
const composerURLPlaceholder = "xxxxxxxxxxxxxxxxxxxxxxx"

// CountableText returns the text the Mastodon web composer's character
// counter measures: remote mentions lose their @host and every URL becomes
// 23 "x". The composer is more generous than the server: it also collapses
// URLs without a scheme ("example.com") and hosts in any script. Use it to
// show people what their client will display, never to decide whether the
// server will accept a status; that is Count.
func CountableText(text string) string {
	// Mentions first: once "@user@host" is shortened, the host cannot be
	// mistaken for a bare URL.
	var b strings.Builder
	last := 0
	for _, m := range ExtractMentionsWithIndices(text) {
		b.WriteString(text[last:m.Start])
		b.WriteString("@" + m.Username)
		last = m.End
	}
	b.WriteString(text[last:])
	return replaceComposerURLs(b.String())
}

func replaceComposerURLs(text string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		if end, ok := composerURLAt(text, i); ok {
			b.WriteString(text[last:i])
			b.WriteString(composerURLPlaceholder)
			last, i = end, end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	b.WriteString(text[last:])
	return b.String()
}

// composerURLAt reports the end of a URL starting at byte offset i: either
// http(s):// and any host, or a bare host with a delegated TLD. Either may
// go on with a port, path, query or fragment up to the next space.
func composerURLAt(text string, i int) (int, bool) {
	var prev rune = -1
	if i > 0 {
		prev = lastRune(text[:i])
	}
	if prev == -1 || !(unicode.IsLetter(prev) || unicode.IsNumber(prev) || prev == '_') {
		for _, scheme := range []string{"https://", "http://"} {
			if len(text)-i >= len(scheme) && strings.EqualFold(text[i:i+len(scheme)], scheme) {
				h := i + len(scheme)
				host := hostEnd(text, h)
				if host == h {
					return 0, false
				}
				return urlRest(text, host), true
			}
		}
	}
	if prev != -1 && !bareHostMayFollow(prev) {
		return 0, false
	}
	host := hostEnd(text, i)
	if host == i || !plausibleHost(text[i:host]) {
		return 0, false
	}
	return urlRest(text, host), true
}

// hostEnd returns the end of the host name starting at h, without trailing
// dots or hyphens (the end of a sentence, not of the name).
func hostEnd(text string, h int) int {
	k := h
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if r != '.' && !hostChar(r) {
			break
		}
		k += size
	}
	for k > h && (text[k-1] == '.' || text[k-1] == '-' || text[k-1] == '_') {
		k--
	}
	return k
}

// bareHostMayFollow reports whether a bare host may start after r. Not in
// the middle of a word or host, and not after "@" (an e-mail address or a
// mention with an implausible host) or characters that belong to URLs.
func bareHostMayFollow(r rune) bool {
	if hostChar(r) || unicode.IsNumber(r) {
		return false
	}
	return !strings.ContainsRune("@＠./\\:#$%&=+~", r)
}

// urlRest extends a URL past its host with a port and then anything up to
// white space, giving back trailing punctuation and unbalanced closing
// brackets, as people write "see example.com/a." or "(see example.com/a)".
func urlRest(text string, k int) int {
	if k+1 < len(text) && text[k] == ':' && '0' <= text[k+1] && text[k+1] <= '9' {
		k++
		for k < len(text) && '0' <= text[k] && text[k] <= '9' {
			k++
		}
	}
	if k >= len(text) || !strings.ContainsRune("/?#", rune(text[k])) {
		return k
	}
	start := k
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if jsSpace(r) || unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' {
			break
		}
		k += size
	}
	for k > start {
		r := lastRune(text[start:k])
		if strings.ContainsRune(".,;:!?'\"`*…。、", r) || unbalancedClose(text[start:k], r) {
			k -= utf8.RuneLen(r)
			continue
		}
		break
	}
	return k
}

// unbalancedClose reports whether s ends in a closing bracket r with no
// opening partner in s.
func unbalancedClose(s string, r rune) bool {
	open, ok := map[rune]rune{')': '(', ']': '[', '}': '{'}[r]
	return ok && strings.Count(s, string(open)) < strings.Count(s, string(r))
}
