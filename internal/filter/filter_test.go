package filter_test

import (
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/filter"
)

func kw(k string, fields ...string) filter.Rule { return filter.Rule{Keyword: k, Fields: fields} }
func re(r string, fields ...string) filter.Rule { return filter.Rule{Regex: r, Fields: fields} }

func TestCheck(t *testing.T) {
	tests := []struct {
		name       string
		rules      filter.Rules
		item       filter.Item
		pass       bool
		reasonPart string
	}{
		{"no rules pass", filter.Rules{}, filter.Item{Title: "Anything"}, true, ""},
		{"include keyword, any case", filter.Rules{Include: []filter.Rule{kw("Armenia")}},
			filter.Item{Title: "ARMENIA votes"}, true, ""},
		{"include missing", filter.Rules{Include: []filter.Rule{kw("Armenia")}},
			filter.Item{Title: "Georgia votes"}, false, "include: no rule matched (1 rules)"},
		{"whole words only", filter.Rules{Include: []filter.Rule{kw("art")}},
			filter.Item{Title: "The party starts"}, false, "include"},
		{"word at punctuation", filter.Rules{Include: []filter.Rule{kw("art")}},
			filter.Item{Title: "Modern (art), today"}, true, ""},
		{"multi-word keyword across a line break", filter.Rules{Include: []filter.Rule{kw("human rights")}},
			filter.Item{Summary: "A report on human\n  rights abuses."}, true, ""},
		{"keyword with symbols", filter.Rules{Include: []filter.Rule{kw("c++")}},
			filter.Item{Title: "What is new in C++20"}, true, ""},
		{"exclude wins over include", filter.Rules{Include: []filter.Rule{kw("armenia")}, Exclude: []filter.Rule{kw("sponsored", "title", "categories")}},
			filter.Item{Title: "Armenia tours", Categories: []string{"Travel", "Sponsored"}}, false, `exclude[0]: keyword "sponsored" in categories`},
		{"exclude only on its fields", filter.Rules{Exclude: []filter.Rule{kw("sponsored", "title")}},
			filter.Item{Title: "Armenia tours", Summary: "Sponsored content"}, true, ""},
		{"names the second rule", filter.Rules{Exclude: []filter.Rule{kw("ad"), kw("sponsored")}},
			filter.Item{Title: "Sponsored: a trip"}, false, `exclude[1]: keyword "sponsored" in title`},
		{"regex on title", filter.Rules{Include: []filter.Rule{re(`elect(ion|ed)`, "title")}},
			filter.Item{Title: "Mayor ELECTED again"}, true, ""},
		{"regex not on other fields", filter.Rules{Include: []filter.Rule{re(`elect(ion|ed)`, "title")}},
			filter.Item{Summary: "The election"}, false, "include"},
		{"link keyword between slashes", filter.Rules{Exclude: []filter.Rule{kw("sport", "link")}},
			filter.Item{Link: "https://news.example/sport/2026/match"}, false, `exclude[0]: keyword "sport" in link`},
		{"category exact with regex anchors", filter.Rules{Include: []filter.Rule{re(`^politics$`, "categories")}},
			filter.Item{Categories: []string{"World", "Politics"}}, true, ""},

		// Turkish: i, ı, I and İ are one letter.
		{"tr: istanbul in İSTANBUL", filter.Rules{Include: []filter.Rule{kw("istanbul")}},
			filter.Item{Title: "İSTANBUL'DA YOĞUN KAR"}, true, ""},
		{"tr: istanbul in ASCII-capitalised ISTANBUL", filter.Rules{Include: []filter.Rule{kw("istanbul")}},
			filter.Item{Title: "ISTANBUL BORSASI"}, true, ""},
		{"tr: İstanbul rule in lower-case text", filter.Rules{Include: []filter.Rule{kw("İstanbul")}},
			filter.Item{Title: "istanbul'da hayat"}, true, ""},
		{"tr: dotless ı in rule and capital I in text", filter.Rules{Include: []filter.Rule{kw("ılık")}},
			filter.Item{Title: "ILIK BİR GÜN"}, true, ""},
		{"tr: decomposed İ", filter.Rules{Include: []filter.Rule{kw("izmir")}},
			filter.Item{Title: "I\u0307ZMI\u0307R"}, true, ""},
		{"tr: regex folds the i's too", filter.Rules{Include: []filter.Rule{re(`İstanbul|Ankara`)}},
			filter.Item{Title: "ISTANBUL'da"}, true, ""},
		{"tr: not inside a longer word", filter.Rules{Exclude: []filter.Rule{kw("reklam")}},
			filter.Item{Title: "Reklamcılık sektörü"}, true, ""},

		// Armenian: letters are words, and the ligature և is եւ.
		{"hy: keyword any case", filter.Rules{Include: []filter.Rule{kw("Հայաստան")}},
			filter.Item{Title: "ՀԱՅԱՍՏԱՆ եւ Վրաստան"}, true, ""},
		{"hy: no match inside a longer word", filter.Rules{Include: []filter.Rule{kw("Հայաստան")}},
			filter.Item{Title: "Հայաստանի ընտրությունները"}, false, "include"},
		{"hy: ligature և is եւ", filter.Rules{Include: []filter.Rule{kw("Երևան")}},
			filter.Item{Title: "ԵՐԵՒԱՆ"}, true, ""},

		// Russian: Cyrillic words, ё as е.
		{"ru: keyword any case", filter.Rules{Exclude: []filter.Rule{kw("реклама")}},
			filter.Item{Title: "РЕКЛАМА: лучшие туры"}, false, `exclude[0]: keyword "реклама" in title`},
		{"ru: not inside a longer word", filter.Rules{Exclude: []filter.Rule{kw("реклама")}},
			filter.Item{Title: "Рекламации покупателей"}, true, ""},
		{"ru: ё and е", filter.Rules{Include: []filter.Rule{kw("ещё")}},
			filter.Item{Summary: "Еще один день"}, true, ""},
		{"ru: regex on Cyrillic", filter.Rules{Include: []filter.Rule{re(`выбор(ы|ов)`)}},
			filter.Item{Title: "ВЫБОРЫ в Армении"}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := filter.Compile(tt.rules)
			if probs != nil {
				t.Fatal(probs)
			}
			pass, reason := f.Check(filter.NewText(tt.item))
			if pass != tt.pass || !strings.Contains(reason, tt.reasonPart) {
				t.Errorf("Check = %v, %q; want %v, containing %q", pass, reason, tt.pass, tt.reasonPart)
			}
		})
	}
}

func TestCompileProblems(t *testing.T) {
	many := make([]filter.Rule, filter.MaxRules+1)
	for i := range many {
		many[i] = kw("x")
	}
	tests := []struct {
		name  string
		rules filter.Rules
		want  []string
	}{
		{"bad regex", filter.Rules{Include: []filter.Rule{re(`elect(ion`)}}, []string{"include[0].regex: invalid regular expression"}},
		{"backreference is not RE2", filter.Rules{Exclude: []filter.Rule{kw("ok"), re(`(a)\1`)}}, []string{"exclude[1].regex: invalid"}},
		{"long regex", filter.Rules{Include: []filter.Rule{re(strings.Repeat("a", filter.MaxPattern+1))}}, []string{"include[0].regex: 513 bytes; at most 512"}},
		{"long keyword", filter.Rules{Include: []filter.Rule{kw(strings.Repeat("a", filter.MaxPattern+1))}}, []string{"include[0].keyword: 513 bytes"}},
		{"too many rules", filter.Rules{Include: many}, []string{"101 rules; at most 100"}},
		{"both kinds", filter.Rules{Include: []filter.Rule{{Keyword: "a", Regex: "b"}}}, []string{"include[0]: set keyword or regex, not both"}},
		{"neither", filter.Rules{Exclude: []filter.Rule{{Keyword: "  "}}}, []string{"exclude[0]: needs a keyword or a regex"}},
		{"unknown field", filter.Rules{Include: []filter.Rule{kw("a", "title", "body")}}, []string{`include[0].fields[1]: unknown field "body"`}},
		{"all reported", filter.Rules{Include: []filter.Rule{re(`(`)}, Exclude: []filter.Rule{kw("a", "x")}},
			[]string{"include[0].regex", "exclude[0].fields[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := filter.Compile(tt.rules)
			if f != nil || len(probs) != len(tt.want) {
				t.Fatalf("Compile = %v, %v; want %d problems", f, probs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(probs[i].Error(), w) {
					t.Errorf("problem %d = %q, want %q", i, probs[i].Error(), w)
				}
			}
		})
	}
}

func TestTableSkips(t *testing.T) {
	src, _ := filter.Compile(filter.Rules{Exclude: []filter.Rule{kw("sponsored")}})
	news, _ := filter.Compile(filter.Rules{Include: []filter.Rule{kw("armenia")}})
	tab := filter.NewTable()
	tab.Source("asbarez", src)
	tab.Target("news", news)
	targets := []string{"news", "all", "chat:5"}

	if got := tab.Skips("asbarez", targets, filter.Item{Title: "Armenia votes"}); got != nil {
		t.Errorf("passing item skipped: %v", got)
	}
	got := tab.Skips("asbarez", targets, filter.Item{Title: "Georgia votes"})
	if len(got) != 1 || got["news"] != "filtered: target news filters.include: no rule matched (1 rules)" {
		t.Errorf("target filter: %v", got)
	}
	got = tab.Skips("asbarez", targets, filter.Item{Title: "Armenia: sponsored trips"})
	want := `filtered: source asbarez filters.exclude[0]: keyword "sponsored" in title`
	if len(got) != 3 || got["news"] != want || got["chat:5"] != want {
		t.Errorf("a source's filter applies to every target: %v", got)
	}
	if got := tab.Skips("other", []string{"all"}, filter.Item{Title: "sponsored"}); got != nil {
		t.Errorf("another source's filter applied: %v", got)
	}
	var none *filter.Table
	if none.Skips("asbarez", targets, filter.Item{}) != nil {
		t.Error("nil table skips")
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("istanbul", "İSTANBUL'DA", "(?i)a+b")
	f.Fuzz(func(t *testing.T, keyword, title, regex string) {
		fk, _ := filter.Compile(filter.Rules{Include: []filter.Rule{kw(keyword)}})
		fr, _ := filter.Compile(filter.Rules{Include: []filter.Rule{re(regex)}})
		text := filter.NewText(filter.Item{Title: title, Summary: title, Categories: []string{title}, Link: title})
		fk.Check(text)
		fr.Check(text)
	})
}
