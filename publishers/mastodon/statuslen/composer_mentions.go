package statuslen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is a remote mention "@username@host" found by
// ExtractMentionsWithIndices.
type Mention struct {
	// Start and End are byte offsets: text[Start:End] is "@username@host".
	// (The web composer reports UTF-16 indices; byte offsets are what Go
	// code can slice with.)
	Start, End int
	Username   string
	Host       string
}

// ExtractMentionsWithIndices finds remote mentions the way Mastodon's web
// composer does: an ASCII username, then a host of any script that has a
// delegated top-level domain. Trailing punctuation is not part of the host,
// so "@arnt@grå.org," ends before the comma. Local mentions ("@bob") and
// e-mail addresses are not remote mentions.
func ExtractMentionsWithIndices(text string) []Mention {
	var out []Mention
	for i := 0; i < len(text); {
		m, next, ok := mentionAt(text, i)
		if ok {
			out = append(out, m)
		}
		i = next
	}
	return out
}

// mentionAt tries the composer's mention pattern at byte offset i and
// returns where to continue: after the whole match, or the next rune.
func mentionAt(text string, i int) (Mention, int, bool) {
	_, size := utf8.DecodeRuneInString(text[i:])
	if text[i] != '@' || (i > 0 && composerMentionBlockedAfter(lastRune(text[:i]))) {
		return Mention{}, i + size, false
	}
	u := i + 1
	j := u
	for j < len(text) {
		r, sz := utf8.DecodeRuneInString(text[j:])
		if !usernameChar(r) {
			break
		}
		j += sz
	}
	if j == u || j >= len(text) || text[j] != '@' ||
		!usernameEdge(firstRune(text[u:j])) || !usernameEdge(lastRune(text[u:j])) {
		return Mention{}, i + size, false
	}
	h := j + 1
	k := h
	for k < len(text) {
		r, sz := utf8.DecodeRuneInString(text[k:])
		if jsSpace(r) || strings.ContainsRune("@/<>?#", r) {
			break
		}
		k += sz
	}
	if k == h {
		return Mention{}, i + size, false
	}
	host := strings.TrimRight(text[h:k], ".,;:!?)]}'\"`")
	if host == "" || !plausibleHost(host) {
		return Mention{}, k, false
	}
	return Mention{Start: i, End: h + len(host), Username: text[u:j], Host: host}, k, true
}

// composerMentionBlockedAfter is the composer's look-behind
// (?<![/\p{L}\p{N}_]).
func composerMentionBlockedAfter(r rune) bool {
	return r == '/' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// plausibleHost accepts a host name of at least two labels whose last label
// is a delegated TLD, in any script: grå.org and 慕田峪长城.网址 pass, "nope"
// and "example.invalid" do not.
func plausibleHost(host string) bool {
	if len(host) > 253 {
		return false
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, label := range labels {
		if label == "" || strings.IndexFunc(label, func(r rune) bool { return !hostChar(r) }) >= 0 {
			return false
		}
		if _, ok := labelToASCII(label); !ok {
			return false
		}
	}
	return isTLD(labels[len(labels)-1])
}

// hostChar is a character of a host label as people type them: letters,
// marks and digits of any script, "-" and "_", and the few punctuation
// marks IDNA allows inside words (the Tibetan tsheg, the Catalan middle
// dot, Hebrew geresh and gershayim, the Greek keraia, the katakana middle
// dot).
func hostChar(r rune) bool {
	switch r {
	case '-', '_', 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x0F0B, 0x0F0C, 0x30FB:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r)
}

// jsSpace is JavaScript's \s.
func jsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
