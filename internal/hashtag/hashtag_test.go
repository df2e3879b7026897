package hashtag_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/hashtag"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, lang, want string
		ok             bool
	}{
		{"Politics", "", "Politics", true},
		{"iPhone", "", "iPhone", true},
		{"human rights", "", "HumanRights", true},
		{"  human   rights  ", "", "HumanRights", true},
		{"#News", "", "News", true},
		{"U.S. politics", "", "USPolitics", true},
		{"Women's rights", "", "WomensRights", true},
		{"COVID-19", "", "COVID19", true},
		{"rock & roll!", "", "RockRoll", true},
		{"snake_case", "", "snake_case", true},
		{"2026", "", "", false},
		{"2026 / 12", "", "", false},
		{"!!!", "", "", false},
		{"", "", "", false},
		{"🔥 Breaking news", "", "BreakingNews", true},
		{"🔥🔥", "", "", false},
		{"Seçim 2026", "", "Seçim2026", true},
		{"istanbul haberleri", "tr", "İstanbulHaberleri", true},
		{"istanbul haberleri", "en", "IstanbulHaberleri", true},
		{"ılık hava", "tr", "IlıkHava", true},
		{"Права человека", "ru", "ПраваЧеловека", true},
		{"Новости", "ru", "Новости", true},
		{"Հայաստանի լուրեր", "hy", "ՀայաստանիԼուրեր", true},
		{"Երևան", "hy", "Երևան", true},
		{"हिन्दी समाचार", "hi", "हिन्दीसमाचार", true}, // marks are part of words
		{strings.Repeat("a", hashtag.MaxLen+1), "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := hashtag.Normalize(tt.in, tt.lang)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Normalize(%q, %q) = %q, %v; want %q, %v", tt.in, tt.lang, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFor(t *testing.T) {
	tests := []struct {
		name       string
		opts       hashtag.Options
		categories []string
		lang       string
		want       []string
	}{
		{"off", hashtag.Options{}, []string{"World"}, "", nil},
		{"categories off", hashtag.Options{Fixed: []string{"News"}}, []string{"World"}, "", []string{"News"}},
		{"fixed first, then categories", hashtag.Options{Categories: true, Fixed: []string{"News", "Armenia"}},
			[]string{"World", "human rights"}, "", []string{"News", "Armenia", "World", "HumanRights"}},
		{"case-insensitive dedupe", hashtag.Options{Categories: true, Fixed: []string{"News"}},
			[]string{"news", "NEWS", "World", "world"}, "", []string{"News", "World"}},
		{"Turkish i's dedupe", hashtag.Options{Categories: true}, []string{"İstanbul", "ISTANBUL", "istanbul"}, "tr", []string{"İstanbul"}},
		{"same tag from two spellings", hashtag.Options{Categories: true}, []string{"Human Rights", "human-rights"}, "", []string{"HumanRights"}},
		{"invalid ones skipped", hashtag.Options{Categories: true}, []string{"2026", "🔥", "Sport"}, "", []string{"Sport"}},
		{"default max", hashtag.Options{Categories: true}, []string{"a", "b", "c", "d", "e", "f", "g"}, "", []string{"a", "b", "c", "d", "e"}},
		{"max", hashtag.Options{Categories: true, Fixed: []string{"News"}, Max: 2}, []string{"a", "b"}, "", []string{"News", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fixed := slices.Clone(tt.opts.Fixed)
			got := tt.opts.For(tt.categories, tt.lang)
			if !slices.Equal(got, tt.want) {
				t.Errorf("For = %q, want %q", got, tt.want)
			}
			if !slices.Equal(fixed, tt.opts.Fixed) {
				t.Error("For changed the fixed list")
			}
		})
	}
}
