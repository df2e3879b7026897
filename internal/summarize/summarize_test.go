package summarize

import (
	"slices"
	"strings"
	"testing"
)

func TestSummarize(t *testing.T) {
	b := func(sentences, chars int) Budget { return Budget{Sentences: sentences, Chars: chars} }
	tests := []struct {
		name, title, text, lang string
		budget                  Budget
		want                    []string
	}{
		{"empty text", "T", "", "en", b(5, 100), nil},
		{"blank text", "T", " \n\n ", "en", b(5, 100), nil},
		{"all fit", "", "One. Two. Three.", "en", b(5, 100), []string{"One.", "Two.", "Three."}},
		{"sentence budget", "", "One. Two. Three.", "en", b(2, 100), []string{"One.", "Two."}},
		{"char budget counts spaces between sentences", "", "Aaaa. Bbbb. Cccc.", "en", b(5, 11), []string{"Aaaa.", "Bbbb."}},
		{"exact fit", "", "Aaaa. Bbbb. Cccc.", "en", b(5, 17), []string{"Aaaa.", "Bbbb.", "Cccc."}},
		{"stops at the first sentence that does not fit", "", "Short. A much longer second sentence. Tiny.", "en", b(5, 20), []string{"Short."}},
		{"budget counts runes, not bytes", "", "Привет. Пока.", "ru", b(5, 13), []string{"Привет.", "Пока."}},
		{"a first sentence over budget is never cut", "", "The quick brown fox jumps over the lazy dog.", "en", b(5, 16), nil},
		{"zero budget is the default", "", strings.Repeat("Word word word. ", 100), "en", Budget{}, slices.Repeat([]string{"Word word word."}, 4)},
		{"drops sentence repeating the title", "Storm hits coast", "Storm hits coast. Thousands lose power.", "en", b(5, 100), []string{"Thousands lose power."}},
		{"title match ignores case and punctuation", "Storm Hits Coast!", "storm hits   coast\n\nThousands lose power.", "en", b(5, 100), []string{"Thousands lose power."}},
		{"strips title the text starts with", "Storm hits coast", "Storm hits coast Thousands lose power. Repairs begin.", "en", b(5, 100), []string{"Thousands lose power.", "Repairs begin."}},
		{"strips title and separator", "Storm hits coast", "Storm hits coast — Thousands lose power.", "en", b(5, 100), []string{"Thousands lose power."}},
		{"keeps a sentence that only starts like the title", "Bitcoin rises", "Bitcoin rises again as markets calm.", "en", b(5, 100), []string{"Bitcoin rises again as markets calm."}},
		{"a lede the long title was cut from is skipped", "Lorem ipsum dolor sit amet consetetur sadipscing elitr sed diam",
			"Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod. Second sentence.", "en", b(5, 100), []string{"Second sentence."}},
		{"keeps a longer word", "Apple", "Apples are cheap.", "en", b(5, 100), []string{"Apples are cheap."}},
		{"near repeat of the title skipped anywhere", "Storm hits the coast", "Thousands lose power. Storm hits the coast, Reuters. Repairs begin.", "en", b(5, 100),
			[]string{"Thousands lose power.", "Repairs begin."}},
		{"turkish title in capitals", "İSTANBUL'DA KAR", "İstanbul'da kar. Okullar tatil edildi.", "tr", b(5, 100), []string{"Okullar tatil edildi."}},
		{"turkish dotless i folded", "ISTANBUL'DA KAR", "İstanbul'da kar. Okullar tatil edildi.", "tr", b(5, 100), []string{"Okullar tatil edildi."}},
		{"russian title stripped", "Шторм на побережье", "Шторм на побережье: Тысячи домов без света. Идёт ремонт.", "ru", b(5, 100), []string{"Тысячи домов без света.", "Идёт ремонт."}},
		{"russian accents ignored", "Ещё один рекорд", "Еще один рекорд. Цены выросли.", "ru", b(5, 100), []string{"Цены выросли."}},
		{"armenian title dropped", "Երևանում ձյուն է", "Երևանում ձյուն է։ Դպրոցները փակ են։", "hy", b(5, 100), []string{"Դպրոցները փակ են։"}},
		{"armenian budget", "", "Բարև Ձեզ։ Ինչպե՞ս եք։", "hy", b(5, 10), []string{"Բարև Ձեզ։"}},
		{"punctuation-only sentences skipped", "", "… Real text here.", "en", b(5, 100), []string{"Real text here."}},
		{"title equal to whole text", "Only a title", "Only a title.", "en", b(5, 100), nil},
		{"leading fragments skipped", "", "Live updates\n\nThe vote starts at noon. Polls close at eight.", "en", b(5, 100),
			[]string{"The vote starts at noon.", "Polls close at eight."}},
		{"a fragment after the lede ends the summary", "", "The vote starts at noon.\n\nWhat to watch\n\nPolls close at eight.", "en", b(5, 100),
			[]string{"The vote starts at noon."}},
		{"a teaser cut mid-sentence keeps only whole sentences", "", "The vote starts at noon. Officials expect a record", "en", b(5, 100),
			[]string{"The vote starts at noon."}},
		{"closing quote after the full stop", "", `"We will win," he said. "Count on it."`, "en", b(5, 100), []string{`"We will win," he said.`, `"Count on it."`}},
		{"a lede with a dangling guillemet is skipped", "", "«Мы победим. Он ушёл.", "ru", b(5, 100), []string{"Он ушёл."}},
		{"a lede with a dangling bracket is skipped", "", "Prices rose (by 5%. Then fell.", "en", b(5, 100), []string{"Then fell."}},
		{"a dangling quote after the lede ends the summary", "", "Prices rose. He said \"no. Then fell.", "en", b(5, 100), []string{"Prices rose."}},
		{"an agency dateline stays with its sentence", "", "МОСКВА, 29 ноября. /ТАСС/. Россия и Армения подписали соглашение. Оно вступит в силу.", "ru", b(5, 200),
			[]string{"МОСКВА, 29 ноября. /ТАСС/. Россия и Армения подписали соглашение.", "Оно вступит в силу."}},
		{"an armenian dateline", "", "ԵՐԵՎԱՆ, ՆՈՅԵՄԲԵՐԻ 29, ԱՐՄԵՆՊՐԵՍ: Միրզոյանը հանդիպել է Ֆիդանի հետ։", "hy", b(5, 200),
			[]string{"ԵՐԵՎԱՆ, ՆՈՅԵՄԲԵՐԻ 29, ԱՐՄԵՆՊՐԵՍ: Միրզոյանը հանդիպել է Ֆիդանի հետ։"}},
		{"a capitalised short sentence is no dateline", "", "Prices rose. NATO met.", "en", b(5, 200), []string{"Prices rose.", "NATO met."}},
		{"no sentence mark at all", "", "Government announces new tax measures", "en", b(5, 100), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.title, tt.text, tt.lang, tt.budget)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Summarize(%q, %q, %q, %v)\n got %q\nwant %q", tt.title, tt.text, tt.lang, tt.budget, got, tt.want)
			}
		})
	}
}
