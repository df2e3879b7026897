package templates

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/crierhq/crier/internal/model"
)

// ErrCannotFit means even the title alone, with the attribution and the link,
// does not fit the platform's limit.
var ErrCannotFit = errors.New("post cannot fit the platform limit")

// Limits tell Render how much room the target has.
type Limits struct {
	// Fits reports whether a rendered text is within the platform's limit
	// (counted the platform's way); nil means anything fits.
	Fits func(text string) bool
	// SummaryChars caps the summary in runes before Fits applies (0: no cap).
	SummaryChars int
	// SummarySentences caps the summary's sentences (0: no cap).
	SummarySentences int
	// Location is the time zone for dates (nil: UTC).
	Location *time.Location
}

// data is what a template sees.
type data struct {
	Title, Summary, Link, SourceName, Author string
	// Origin is the outlet the source republished the story from; Credit
	// is "Origin via SourceName", or SourceName alone.
	Origin, Credit  string
	Sentences, Tags []string
	// Hashtags are "#Tag", ready to print, as many as fit.
	Hashtags  []string
	Published time.Time
}

// Render renders the post with the named template, shrinking it until the
// text fits, least valuable part first:
//
//  1. summary sentences, from the last, down to the first one;
//  2. hashtags, from the last (the item's categories come after the
//     target's fixed tags), while the first sentence stays;
//  3. the first sentence (a summary is never cut mid-sentence), with as
//     many hashtags as then fit;
//  4. the author, then the remaining hashtags;
//  5. the title, shortened at a word boundary as a last resort.
//
// A lede tells more than a tag, and a few tags (discovery, on Mastodon)
// more than a third sentence. The attribution and link are never cut.
func (s *Set) Render(name string, post model.Post, lim Limits) (model.Message, error) {
	msg, err := s.render(name, post, lim)
	msg.Language = post.Language
	return msg, err
}

func (s *Set) render(name string, post model.Post, lim Limits) (model.Message, error) {
	t, ok := s.byName[name]
	if !ok {
		return model.Message{}, fmt.Errorf("template %q not found", name)
	}
	format := model.FormatPlain
	if IsHTML(name) {
		format = model.FormatHTML
	}
	fits := lim.Fits
	if fits == nil {
		fits = func(string) bool { return true }
	}
	tags := post.Hashtags
	exec := func(title string, sentences []string, k int) (string, error) {
		var b strings.Builder
		p := post
		p.Hashtags = tags[:k]
		if err := t.Execute(&b, view(p, title, sentences, format, lim.Location)); err != nil {
			return "", fmt.Errorf("template %s: %w", name, err)
		}
		return strings.TrimSpace(b.String()), nil
	}
	try := func(title string, sentences []string, k int) (string, bool, error) {
		text, err := exec(title, sentences, k)
		return text, err == nil && fits(text), err
	}
	done := func(text string, err error) (model.Message, error) {
		if err != nil {
			return model.Message{}, err
		}
		return model.Message{Text: text, Format: format}, nil
	}
	sentences := capSummary(post.Summary, lim.SummaryChars, lim.SummarySentences)
	// 1. Whole sentences, longest summary first, with every hashtag.
	for n := len(sentences); n >= 1; n-- {
		if text, ok, err := try(post.Title, sentences[:n], len(tags)); err != nil || ok {
			return done(text, err)
		}
	}
	// 2. The first sentence, with fewer hashtags.
	if len(sentences) > 0 {
		for k := len(tags) - 1; k >= 0; k-- {
			if text, ok, err := try(post.Title, sentences[:1], k); err != nil || ok {
				return done(text, err)
			}
		}
	}
	// 3. No summary, as many hashtags as fit.
	for k := len(tags); k >= 0; k-- {
		if text, ok, err := try(post.Title, nil, k); err != nil || ok {
			return done(text, err)
		}
	}
	// 4. Still too long: the author line goes...
	if post.Author != "" {
		post.Author = ""
		if text, ok, err := try(post.Title, nil, 0); err != nil || ok {
			return done(text, err)
		}
	}
	// 5. ...then the title is shortened, as a last resort.
	parts, sep := units(post.Title)
	text, err := longestFit(len(parts)-1, func(n int) (string, bool, error) {
		return try(cut(parts, sep, n), nil, 0)
	})
	if err != nil {
		return model.Message{}, err
	}
	if text == "" {
		return model.Message{}, ErrCannotFit
	}
	return model.Message{Text: text, Format: format}, nil
}

// longestFit finds the largest n in [1, max] for which attempt fits, by
// binary search (fitting shrinks monotonically with n), and returns its text.
func longestFit(max int, attempt func(n int) (string, bool, error)) (string, error) {
	best := ""
	lo, hi := 1, max
	for lo <= hi {
		mid := (lo + hi) / 2
		text, ok, err := attempt(mid)
		if err != nil {
			return "", err
		}
		if ok {
			best, lo = text, mid+1
		} else {
			hi = mid - 1
		}
	}
	return best, nil
}

func view(p model.Post, title string, sentences []string, f model.Format, loc *time.Location) data {
	esc := plain
	if f == model.FormatHTML {
		esc = escapeHTML
	}
	d := data{
		Title:      esc(title),
		Summary:    esc(strings.Join(sentences, " ")),
		Link:       esc(p.Link),
		SourceName: esc(p.SourceName),
		Origin:     esc(p.Origin),
		Credit:     esc(credit(p.Origin, p.SourceName)),
		Author:     esc(p.Author),
		Published:  p.Published,
	}
	if loc != nil && !p.Published.IsZero() {
		d.Published = p.Published.In(loc)
	}
	for _, s := range sentences {
		d.Sentences = append(d.Sentences, esc(s))
	}
	for _, tag := range p.Tags {
		d.Tags = append(d.Tags, esc(tag))
	}
	for _, tag := range p.Hashtags {
		d.Hashtags = append(d.Hashtags, "#"+esc(tag))
	}
	return d
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// escapeHTML escapes the four characters that matter to Telegram's HTML
// parser, inside text and inside double-quoted attributes.
func escapeHTML(s string) string { return htmlEscaper.Replace(plain(s)) }

// plain makes any string safe to send: valid UTF-8, no control characters
// other than newline and tab.
func plain(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

// capSummary keeps the leading whole sentences within max runes and at
// most sentences of them (0: no cap).
func capSummary(summary []string, max, sentences int) []string {
	if sentences > 0 && len(summary) > sentences {
		summary = summary[:sentences]
	}
	if max <= 0 {
		return summary
	}
	var out []string
	n := 0
	for _, s := range summary {
		l := utf8.RuneCountInString(s)
		if len(out) > 0 {
			l++
		}
		if n+l > max {
			break
		}
		out, n = append(out, s), n+l
	}
	return out
}

// units splits a text for cutting: into words, or into grapheme clusters
// when it has no spaces to cut at (Chinese, Japanese, one giant token).
func units(s string) (parts []string, sep string) {
	if words := strings.Fields(s); len(words) > 1 {
		return words, " "
	}
	g := uniseg.NewGraphemes(strings.TrimSpace(s))
	for g.Next() {
		parts = append(parts, g.Str())
	}
	return parts, ""
}

// cut keeps the first n units and marks the cut with an ellipsis.
func cut(parts []string, sep string, n int) string {
	if n >= len(parts) {
		return strings.Join(parts, sep)
	}
	return strings.TrimRight(strings.Join(parts[:n], sep), ",;:—–- ") + "…"
}

// credit names who published the story: "Reuters via Aggregator" when the
// source republished it, the source alone otherwise (or when the source
// names itself as the origin).
func credit(origin, source string) string {
	if origin == "" || strings.EqualFold(origin, source) {
		return source
	}
	if source == "" {
		return origin // an article posted by URL has no source of its own
	}
	return origin + " via " + source
}
