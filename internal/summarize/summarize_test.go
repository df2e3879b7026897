package summarize

import (
	"slices"
	"strings"
	"testing"
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		name, title, text, lang string
		budget                  int
		want                    []string
	}{
		{"empty text", "T", "", "en", 100, nil},
		{"blank text", "T", " \n\n ", "en", 100, nil},
		{"all fit", "", "One. Two. Three.", "en", 100, []string{"One.", "Two.", "Three."}},
		{"budget counts spaces between sentences", "", "Aaaa. Bbbb. Cccc.", "en", 11, []string{"Aaaa.", "Bbbb."}},
		{"exact fit", "", "Aaaa. Bbbb. Cccc.", "en", 17, []string{"Aaaa.", "Bbbb.", "Cccc."}},
		{"stops at the first sentence that does not fit", "", "Short. A much longer second sentence. Tiny.", "en", 20, []string{"Short."}},
		{"budget counts runes, not bytes", "", "Привет. Пока.", "ru", 13, []string{"Привет.", "Пока."}},
		{"first sentence cut at a word", "", "The quick brown fox jumps over the lazy dog.", "en", 16, []string{"The quick brown…"}},
		{"cut drops dangling punctuation", "", "Alpha, beta, gamma, delta.", "en", 13, []string{"Alpha, beta…"}},
		{"cut on a word boundary at the limit", "", "abc def ghi", "en", 8, []string{"abc def…"}},
		{"one long word is cut inside", "", "Supercalifragilistic", "en", 6, []string{"Super…"}},
		{"nothing fits", "", "Hello world.", "en", 1, nil},
		{"default budget", "", strings.Repeat("Word word word. ", 100), "en", 0, slices.Repeat([]string{"Word word word."}, 37)},
		{"negative budget is the default", "", "One.", "en", -5, []string{"One."}},
		{"drops sentence repeating the title", "Storm hits coast", "Storm hits coast. Thousands lose power.", "en", 100, []string{"Thousands lose power."}},
		{"title match ignores case and punctuation", "Storm Hits Coast!", "storm hits   coast\n\nThousands lose power.", "en", 100, []string{"Thousands lose power."}},
		{"strips title the text starts with", "Storm hits coast", "Storm hits coast Thousands lose power. Repairs begin.", "en", 100, []string{"Thousands lose power.", "Repairs begin."}},
		{"strips title and separator", "Storm hits coast", "Storm hits coast — Thousands lose power.", "en", 100, []string{"Thousands lose power."}},
		{"keeps a sentence that only starts like the title", "Bitcoin rises", "Bitcoin rises again as markets calm.", "en", 100, []string{"Bitcoin rises again as markets calm."}},
		{"keeps a longer word", "Apple", "Apples are cheap.", "en", 100, []string{"Apples are cheap."}},
		{"title only checked at the start", "Storm", "It rained. Storm over.", "en", 100, []string{"It rained.", "Storm over."}},
		{"turkish title in capitals", "İSTANBUL'DA KAR", "İstanbul'da kar. Okullar tatil edildi.", "tr", 100, []string{"Okullar tatil edildi."}},
		{"turkish dotless i folded", "ISTANBUL'DA KAR", "İstanbul'da kar. Okullar tatil edildi.", "tr", 100, []string{"Okullar tatil edildi."}},
		{"russian title stripped", "Шторм на побережье", "Шторм на побережье: Тысячи домов без света. Идёт ремонт.", "ru", 100, []string{"Тысячи домов без света.", "Идёт ремонт."}},
		{"russian accents ignored", "Ещё один рекорд", "Еще один рекорд. Цены выросли.", "ru", 100, []string{"Цены выросли."}},
		{"armenian title dropped", "Երևանում ձյուն է", "Երևանում ձյուն է։ Դպրոցները փակ են։", "hy", 100, []string{"Դպրոցները փակ են։"}},
		{"armenian budget", "", "Բարև Ձեզ։ Ինչպե՞ս եք։", "hy", 10, []string{"Բարև Ձեզ։"}},
		{"punctuation-only sentences skipped", "", "… Real text here.", "en", 100, []string{"Real text here."}},
		{"title equal to whole text", "Only a title", "Only a title.", "en", 100, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.title, tt.text, tt.lang, tt.budget)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Summarize(%q, %q, %q, %d)\n got %q\nwant %q", tt.title, tt.text, tt.lang, tt.budget, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, in string
		budget   int
		want     string
	}{
		{"fits", "short", 10, "short"},
		{"cut at space", "one two three", 9, "one two…"},
		{"no room for anything", "one two", 1, ""},
		{"only the ellipsis would fit", "one two", 2, "o…"},
		{"combining mark stays with its letter", "cafe\u0301s", 5, "caf…"},
		{"skin tone stays with its emoji", "ab👍\U0001F3FD", 4, "ab…"},
		{"joined emoji not split", "a👩\u200d💻", 4, "a…"},
		{"leading punctuation only", "—— word", 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := truncate(tt.in, tt.budget); got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.budget, got, tt.want)
			}
		})
	}
}
