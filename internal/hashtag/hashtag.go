// Package hashtag turns an item's categories and a target's fixed list into
// hashtags that Mastodon and Telegram both recognise as such.
package hashtag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of a target's hashtags.
const (
	DefaultMax = 5
	MaxMax     = 30
	// MaxLen caps one tag, in runes: a longer category is a sentence, not
	// a tag, and would cost the summary its room.
	MaxLen = 50
)

// Options are a target's hashtags as configured.
type Options struct {
	// Categories adds the item's own categories.
	Categories bool `yaml:"categories,omitempty"`
	// Fixed tags come first on every post (they are the channel's own).
	Fixed []string `yaml:"fixed,omitempty"`
	// Max caps the tags of a post (0: DefaultMax).
	Max int `yaml:"max,omitempty"`
}

// Enabled reports whether the options add any tag.
func (o Options) Enabled() bool { return o.Categories || len(o.Fixed) > 0 }

// For returns the tags of a post, without '#': the fixed ones, then the
// item's categories, normalised (see Normalize), each once whatever its
// case, at most Max. lang is the post's language (for Turkish capitals).
func (o Options) For(categories []string, lang string) []string {
	if !o.Enabled() {
		return nil
	}
	limit := o.Max
	if limit <= 0 {
		limit = DefaultMax
	}
	all := o.Fixed
	if o.Categories {
		all = append(all[:len(all):len(all)], categories...)
	}
	var out []string
	seen := map[string]bool{}
	for _, c := range all {
		if len(out) == limit {
			break
		}
		tag, ok := Normalize(c, lang)
		if !ok || seen[key(tag)] {
			continue
		}
		seen[key(tag)] = true
		out = append(out, tag)
	}
	return out
}

// Normalize makes a tag of a category: its letters, digits and underscores,
// in any script; several words are joined in CamelCase ("human rights" is
// HumanRights, "Права человека" ПраваЧеловека), one word is kept as it is
// ("iPhone"). Apostrophes join ("Women's" is Womens); other punctuation,
// spaces and emoji separate words. ok is false when no letter is left
// (Mastodon and Telegram take "#2026" for no tag) or the tag is over MaxLen.
//
// Specs: Mastodon's HASHTAG_NAME_PAT (app/models/tag.rb) takes word
// characters and needs a non-digit; TDLib's is_hashtag_letter takes
// letters, marks, decimal digits and '_'.
func Normalize(s, lang string) (tag string, ok bool) {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ':
		case r == '_' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			w.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	if len(words) > 1 {
		for i, word := range words {
			words[i] = upperFirst(word, lang)
		}
	}
	tag = strings.Join(words, "")
	if utf8.RuneCountInString(tag) > MaxLen || strings.IndexFunc(tag, unicode.IsLetter) < 0 {
		return "", false
	}
	return tag, true
}

// upperFirst capitalises a word's first letter, the Turkish way for
// Turkish and Azerbaijani ("istanbul" is İstanbul there).
func upperFirst(word, lang string) string {
	r, size := utf8.DecodeRuneInString(word)
	up := unicode.ToUpper(r)
	if lang == "tr" || lang == "az" {
		up = unicode.TurkishCase.ToUpper(r)
	}
	return string(up) + word[size:]
}

// key compares tags case-insensitively, the Turkish i's as one.
func key(tag string) string {
	return strings.ToLower(strings.NewReplacer("İ", "i", "ı", "i", "I", "i").Replace(tag))
}
