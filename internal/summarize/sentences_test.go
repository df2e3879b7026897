package summarize

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, in string
		want           []string
	}{
		{"empty", "en", "", nil},
		{"blank", "en", " \n\n \t ", nil},
		{"one sentence", "en", "Just one", []string{"Just one"}},
		{"two sentences", "en", "It rained. We stayed in.", []string{"It rained.", "We stayed in."}},
		{"paragraph break ends a sentence", "en", "Headline without stop\n\nBody text", []string{"Headline without stop", "Body text"}},
		{"single newline is a space", "en", "One line\nwrapped here. Next.", []string{"One line wrapped here.", "Next."}},
		{"crlf paragraphs", "en", "One\r\n\r\nTwo", []string{"One", "Two"}},
		{"whitespace collapsed", "en", "Too   many\u00a0 spaces.  Next", []string{"Too many spaces.", "Next"}},
		{"question and exclamation", "en", "Why? Because! Fine.", []string{"Why?", "Because!", "Fine."}},
		{"interrobang runs", "en", "Really?! Yes!!! Sure?", []string{"Really?!", "Yes!!!", "Sure?"}},
		{"ellipsis", "en", "Wait... Then go. And… More", []string{"Wait...", "Then go.", "And…", "More"}},
		{"ellipsis before lower case continues", "en", "Well... maybe not.", []string{"Well... maybe not."}},
		{"lower case after dot continues", "en", "Version 2. is out", []string{"Version 2. is out"}},
		{"decimal number", "en", "It grew 3.5 percent. Prices fell.", []string{"It grew 3.5 percent.", "Prices fell."}},
		{"titles", "en", "Mr. Smith met Dr. Jones and Prof. Lee at St. Mary's.", []string{"Mr. Smith met Dr. Jones and Prof. Lee at St. Mary's."}},
		{"e.g. and i.e.", "en", "Fruit, e.g. Apples, i.e. Food.", []string{"Fruit, e.g. Apples, i.e. Food."}},
		{"U.S. before a name", "en", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"abbreviation before a number", "en", "Due Jan. 5 at No. 10 Downing St.", []string{"Due Jan. 5 at No. 10 Downing St."}},
		{"abbreviation ends a sentence", "en", "Apples, pears etc. The rest is fine.", []string{"Apples, pears etc.", "The rest is fine."}},
		{"initials", "en", "J. R. R. Tolkien and J.K. Rowling wrote. They sold.", []string{"J. R. R. Tolkien and J.K. Rowling wrote.", "They sold."}},
		{"pronoun I", "en", "You and I. Then we left.", []string{"You and I.", "Then we left."}},
		{"closing quote", "en", `He said "Go." Then he left.`, []string{`He said "Go."`, "Then he left."}},
		{"question inside quotes", "en", `"Who? Me?" she asked.`, []string{`"Who? Me?" she asked.`}},
		{"inside brackets", "en", "See (fig. 2. Also this) here. Next.", []string{"See (fig. 2. Also this) here.", "Next."}},
		{"stray quote protects nothing", "en", `The 5" screen broke. A new one came.`, []string{`The 5" screen broke.`, "A new one came."}},
		{"footnote marks", "en", "It is a gas.[1] It burns. [2] Done.", []string{"It is a gas.[1]", "It burns. [2]", "Done."}},
		{"missing space", "en", "It ended.Then it began.", []string{"It ended.", "Then it began."}},
		{"addresses keep their dots", "en", "Mail jane.Doe@example.com today. Or visit www.Example.com now.", []string{"Mail jane.Doe@example.com today.", "Or visit www.Example.com now."}},
		{"list marker", "en", "1. Introduction", []string{"1. Introduction"}},
		{"dialogue dash starts a sentence", "ru", "Он ушёл. — Куда? — спросила она.", []string{"Он ушёл.", "— Куда? — спросила она."}},
		{"russian abbreviations", "ru", "В 2010 г. Иванов посетил ул. Ленина и т.д. Потом уехал.", []string{"В 2010 г. Иванов посетил ул. Ленина и т.д.", "Потом уехал."}},
		{"russian initials", "ru", "Писатель Л.Н. Толстой и А. П. Чехов. Оба классики.", []string{"Писатель Л.Н. Толстой и А. П. Чехов.", "Оба классики."}},
		{"russian guillemets", "ru", "Он сказал: «Я устал. Иду домой». Все молчали.", []string{"Он сказал: «Я устал. Иду домой».", "Все молчали."}},
		{"turkish titles", "tr", "Prof. Dr. Ayşe Kaya konuştu. Doç. Dr. Ali Can da katıldı.", []string{"Prof. Dr. Ayşe Kaya konuştu.", "Doç. Dr. Ali Can da katıldı."}},
		{"turkish ordinals", "tr", "Takım 2. Lig'de 156. sırada. II. Dünya Savaşı sonrası kuruldu.", []string{"Takım 2. Lig'de 156. sırada.", "II. Dünya Savaşı sonrası kuruldu."}},
		{"turkish year ends a sentence", "tr", "Kuruluş yılı 1923. Sonra büyüdü.", []string{"Kuruluş yılı 1923.", "Sonra büyüdü."}},
		{"turkish dotted capital", "tr", "Toplantı bitti. İstanbul'da yağmur yağıyor.", []string{"Toplantı bitti.", "İstanbul'da yağmur yağıyor."}},
		{"armenian full stop", "hy", "Բարև Ձեզ։ Ինչպե՞ս եք։", []string{"Բարև Ձեզ։", "Ինչպե՞ս եք։"}},
		{"armenian colon look-alike", "hy", "Այսօր երկուշաբթի է: Ես գնում եմ:", []string{"Այսօր երկուշաբթի է:", "Ես գնում եմ:"}},
		{"armenian dot is not an end", "hy", "Նա ասաց. Գնանք տուն։", []string{"Նա ասաց. Գնանք տուն։"}},
		{"armenian time keeps its colon", "hy", "Ժամը 10:30 է։", []string{"Ժամը 10:30 է։"}},
		{"region tag", "tr-TR", "Dr. Ali geldi. Gitti.", []string{"Dr. Ali geldi.", "Gitti."}},
		{"unknown language uses English rules", "xx", "Mr. Smith left. Bye.", []string{"Mr. Smith left.", "Bye."}},
		{"only punctuation", "en", ".", []string{"."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in, tt.lang); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q, %q)\n got %q\nwant %q", tt.in, tt.lang, got, tt.want)
			}
		})
	}
}
