package statuslen

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// DefaultURLLength is what Mastodon reports as
// configuration.statuses.characters_reserved_per_url: the
// StatusLengthValidator's URL_PLACEHOLDER is 23 "x".
const DefaultURLLength = 23

// Count returns the length Mastodon's StatusLengthValidator computes for a
// status with this text and no content warning. Each auto-linkable URL with
// a scheme counts as urlLen characters (pass the instance's
// characters_reserved_per_url) and each remote mention "@user@domain" as
// "@user"; everything else counts in grapheme clusters. A status is accepted
// when the count is at most configuration.statuses.max_characters.
func Count(text string, urlLen int) int {
	return CountWithSpoiler("", text, urlLen)
}

// CountWithSpoiler returns the length the server checks against the limit
// for a status with a content warning: the warning counts literally, with
// no concession for URLs or mentions, and is counted together with the
// text.
//
// Specs: https://github.com/mastodon/mastodon/blob/main/app/validators/status_length_validator.rb
func CountWithSpoiler(spoiler, text string, urlLen int) int {
	// The Status model strips both fields before validating
	// (before_validation :prepare_contents).
	combined := rubyStrip(spoiler) + serverCountableText(rubyStrip(text), urlLen)
	return uniseg.GraphemeClusterCount(combined)
}

// serverCountableText is StatusLengthValidator#countable_text.
func serverCountableText(text string, urlLen int) string {
	if blank(text) {
		return ""
	}
	sc := newScanner(text)
	es := dropOverlaps(append(extractURLs(sc), extractMentions(sc)...))
	if len(es) == 0 {
		return text
	}
	return sc.rewrite(es, strings.Repeat("x", max(urlLen, 0)))
}

// rubyStrip is Ruby's String#strip, which removes ASCII whitespace and NUL
// only: a no-break space at the end of a status still counts.
func rubyStrip(s string) string {
	return strings.Trim(s, "\x00\t\n\v\f\r ")
}

// blank is ActiveSupport's String#blank?: empty or only Unicode white
// space. Such a text has no countable characters at all.
func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}
