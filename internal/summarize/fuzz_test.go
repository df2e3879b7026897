package summarize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var fuzzSeeds = []struct{ title, text, lang string }{
	{"", "", "en"},
	{"Title", "Title Body text. More here.", "en"},
	{"Storm", "Storm: it rained... A lot! Mr. Smith said \"No.\" Then left.", "en"},
	{"", "Prof. Dr. Ali 2. köprü Fsm.'de vardı.değil mi?", "tr"},
	{"", "Л.Н. Толстой «Я устал. Иду». Потом 5 г. Волгоград.", "ru"},
	{"Երևան", "Երևան։ Բարև Ձեզ: Ինչպե՞ս եք։", "hy"},
	{"", "a👩\u200d💻 cafe\u0301 (((( [1] \"\" ...", "xx"},
	{"", "caf\xe9. \xff\xfe Ok.", "en"},
	{"Երևան", "Երևան\"00", "hy"},
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s.text, s.lang)
	}
	// The inputs of sentencex's gold sets, in their languages.
	files, _ := filepath.Glob("../../../shared/testdata/sbd/sentencex/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		lang := strings.TrimSuffix(filepath.Base(file), ".txt")
		for i, c := range strings.Split(string(data), "\n===\n") {
			if in, _, ok := strings.Cut(c, "\n---\n"); ok && i < 40 {
				f.Add(strings.TrimSpace(in), lang)
			}
		}
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		got := Sentences(text, lang)
		for i, s := range got {
			if s == "" || s != strings.TrimSpace(s) {
				t.Fatalf("sentence %d %q is empty or padded", i, s)
			}
		}
		// Splitting loses nothing but whitespace, and may split where a
		// space is missing ("ended.Then"), so whitespace is left out.
		want := strings.Join(strings.Fields(string([]rune(text))), "")
		if joined := strings.Join(strings.Fields(strings.Join(got, "")), ""); joined != want {
			t.Fatalf("sentences %q do not rejoin into %q", got, want)
		}
		for i, s := range got {
			if s != strings.Join(strings.Fields(s), " ") {
				t.Fatalf("sentence %d %q keeps a run of whitespace", i, s)
			}
		}
	})
}

func FuzzSummarize(f *testing.F) {
	for _, s := range fuzzSeeds {
		for _, budget := range []int{0, 1, 5, 40} {
			f.Add(s.title, s.text, s.lang, budget%4, budget)
		}
	}
	f.Fuzz(func(t *testing.T, title, text, lang string, sentences, chars int) {
		budget := Budget{Sentences: sentences, Chars: chars}
		got := Summarize(title, text, lang, budget)
		budget = budget.orDefault()
		if len(got) > budget.Sentences {
			t.Fatalf("%d sentences, over the budget of %d", len(got), budget.Sentences)
		}
		words := " " + strings.Join(strings.Fields(string([]rune(text))), " ") + " "
		used := 0
		for i, s := range got {
			if s == "" {
				t.Fatalf("sentence %d is empty in %q", i, got)
			}
			if !complete(s, languageFor(lang)) {
				t.Fatalf("sentence %d %q is not complete", i, s)
			}
			used += utf8.RuneCountInString(s)
			if i > 0 {
				used++
			}
			if !wholeWords(words, s) {
				t.Fatalf("sentence %d %q cuts a word of %q", i, s, words)
			}
		}
		if used > budget.Chars {
			t.Fatalf("summary %q is %d runes, over the budget of %d", got, used, budget.Chars)
		}
	})
}

// wholeWords reports whether s occurs in text without cutting a word: a letter
// or digit at either end of s is not continued by one in text.
func wholeWords(text, s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(s):])
		cutBefore := isWordRune(first) && isWordRune(before)
		cutAfter := isWordRune(last) && (isWordRune(after) || unicode.Is(unicode.Mn, after))
		if !cutBefore && !cutAfter {
			return true
		}
		from = i + 1
	}
}
