package mastodonapi

import (
	"regexp"
	"strings"
)

// paragraphBreak is Rails' simple_format separator: a blank line, possibly
// holding spaces.
var paragraphBreak = regexp.MustCompile(`\n\s*\n`)

var htmlEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;",
)

// renderContent turns plain status text into the HTML Mastodon returns as
// "content": escaped paragraphs with <br /> for single line breaks, and no
// newlines left. Mastodon also links URLs, mentions and hashtags; the fake
// does not.
func renderContent(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b strings.Builder
	for _, p := range paragraphBreak.Split(text, -1) {
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(htmlEscaper.Replace(p), "\n", "<br />"))
		b.WriteString("</p>")
	}
	return b.String()
}
