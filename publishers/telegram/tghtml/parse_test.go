package tghtml_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Behaviour beyond TDLib's own cases, each checked against TDLib's source.
func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		text     string
		entities []tghtml.Entity
	}{
		{"plain text passes through", "a > b; c = 1", "a > b; c = 1", nil},
		{"unknown named reference stays literal", "&nbsp;&copy;", "&nbsp;&copy;", nil},
		{"numeric references", "&#65;&#x42;&#x1F600;", "AB😀", nil},
		{"capital X is not hex", "&#X41;", "&#X41;", nil},
		{"emoji counts two UTF-16 units", "😀<b>x</b>", "😀x",
			[]tghtml.Entity{{Type: tghtml.Bold, Offset: 2, Length: 1}}},
		{"tags are case-insensitive", "<B>x</b>", "x",
			[]tghtml.Entity{{Type: tghtml.Bold, Offset: 0, Length: 1}}},
		{"quoted href keeps case", `<a href="https://Example.com/A?b=C">x</a>`, "x",
			[]tghtml.Entity{{Type: tghtml.TextLink, Length: 1, URL: "https://example.com/A?b=C"}}},
		{"unquoted href is lowercased", `<a href=Example.COM>x</a>`, "x",
			[]tghtml.Entity{{Type: tghtml.TextLink, Length: 1, URL: "http://example.com/"}}},
		{"href references are decoded", `<a href="http://e.com/?a=1&amp;b=2">x</a>`, "x",
			[]tghtml.Entity{{Type: tghtml.TextLink, Length: 1, URL: "http://e.com/?a=1&b=2"}}},
		{"rejected link is dropped silently", `<a href="javascript:alert(1)">x</a>`, "x", nil},
		{"user link becomes a mention", `<a href="tg://user?id=123">x</a>`, "x",
			[]tghtml.Entity{{Type: tghtml.TextMention, Length: 1, UserID: 123}}},
		{"tg link is normalised", `<a href="TG://resolve?domain=crier">x</a>`, "x",
			[]tghtml.Entity{{Type: tghtml.TextLink, Length: 1, URL: "tg://resolve?domain=crier"}}},
		{"empty element makes no entity", "<b></b>x<i></i>", "x", nil},
		{"nested entities sort outer first", "<b>a<i>b</i></b>", "ab", []tghtml.Entity{
			{Type: tghtml.Bold, Offset: 0, Length: 2}, {Type: tghtml.Italic, Offset: 1, Length: 1}}},
		{"code language is dropped outside pre", `<code class="language-go">x</code>`, "x",
			[]tghtml.Entity{{Type: tghtml.Code, Length: 1}}},
		{"tg-time without format", `<tg-time unix="0">x</tg-time>`, "x",
			[]tghtml.Entity{{Type: tghtml.DateTime, Length: 1}}},
		{"tg-time format is spelled for the Bot API", `<tg-time unix="5" format="Dwt">x</tg-time>`, "x",
			[]tghtml.Entity{{Type: tghtml.DateTime, Length: 1, UnixTime: 5, DateFlags: 50, DateTimeFormat: "wDt"}}},
		{"NUL outside tags is text", "a\x00b", "a\x00b", nil},
		{"carriage return kept by the parser", "a\r\nb", "a\r\nb", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, entities, err := tghtml.Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q) error = %v", tc.in, err)
			}
			checkParsed(t, text, entities, tc.text, tc.entities)
		})
	}
}

// checkParsed compares a parse result with the expected text and entities;
// nil expected entities mean none.
func checkParsed(t *testing.T, text string, entities []tghtml.Entity, wantText string, want []tghtml.Entity) {
	t.Helper()
	if text != wantText {
		t.Errorf("text = %q, want %q", text, wantText)
	}
	if want == nil {
		want = []tghtml.Entity{}
	}
	if !reflect.DeepEqual(entities, want) {
		t.Errorf("entities:\n got %+v\nwant %+v", entities, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"unsupported tag", "<p>x</p>", `Unsupported start tag "p" at byte offset 0`},
		{"self-closing tag", "a<br/>", `Unsupported start tag "br/" at byte offset 1`},
		{"slash in unquoted value", "<a href=e.com/x>y</a>", "Unexpected end of name token at byte offset 8"},
		{"slash attribute", "<b />", `Empty attribute name in the tag "b" at byte offset 0`},
		{"unclosed tag", "<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"crossed tags", "<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"span without class", "<span>x</span>", `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{"bad emoji id", `<tg-emoji emoji-id="01">x</tg-emoji>`, "Invalid custom emoji identifier specified"},
		{"zero emoji id", `<tg-emoji emoji-id="0">x</tg-emoji>`, "Invalid custom emoji identifier specified"},
		{"tg-time without unix", `<tg-time format="t">x</tg-time>`, "Invalid Unix time specified"},
		{"NUL inside a tag ends it", "<b\x00>x</b>", "Unclosed start tag at byte offset 0"},
		{"surrogate after a tag error", "&#xD800;<p>", `Unsupported start tag "p" at byte offset 8`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := tghtml.Parse(tc.in)
			var pe *tghtml.ParseError
			if !errors.As(err, &pe) || pe.Message != tc.want {
				t.Fatalf("Parse(%q) error = %v, want %q", tc.in, err, tc.want)
			}
		})
	}
}

func TestParseInvalidUTF8(t *testing.T) {
	for _, in := range []string{"\xff", "ok \xc3", "<b>\xed\xa0\x80</b>"} {
		if _, _, err := tghtml.Parse(in); !errors.Is(err, tghtml.ErrInvalidUTF8) {
			t.Errorf("Parse(%q) error = %v, want ErrInvalidUTF8", in, err)
		}
	}
	if got := tghtml.ErrInvalidUTF8.Error(); got != "Text must be encoded in UTF-8" {
		t.Errorf("message = %q", got)
	}
}
