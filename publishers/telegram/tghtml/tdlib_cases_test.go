package tghtml_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// The cases of TDLib's own parse_html test (test/message_entities.cpp),
// extracted to JSON; see "conventions" in the file for its format.
const tdlibCases = "../../../../shared/testdata/posting/telegram-tdlib/parse_html.json"

type tdlibCase struct {
	Input    string        `json:"input"`
	Text     *string       `json:"text"`
	Entities []tdlibEntity `json:"entities"`
	Error    string        `json:"error"`
}

type tdlibEntity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	BotAPIType    string `json:"bot_api_type"`
	URL           string `json:"url"`
	Language      string `json:"language"`
	CustomEmojiID string `json:"custom_emoji_id"`
	FormattedDate *struct {
		UnixTime int64 `json:"unix_time"`
		Flags    int   `json:"flags"`
	} `json:"formatted_date"`
}

// tdlibTypes maps TDLib's MessageEntity::Type names to this package's types.
var tdlibTypes = map[string]string{
	"Bold": tghtml.Bold, "Italic": tghtml.Italic, "Underline": tghtml.Underline,
	"Strikethrough": tghtml.Strikethrough, "Spoiler": tghtml.Spoiler, "Code": tghtml.Code,
	"Pre": tghtml.Pre, "PreCode": tghtml.Pre, "TextUrl": tghtml.TextLink,
	"MentionName": tghtml.TextMention, "CustomEmoji": tghtml.CustomEmoji,
	"BlockQuote": tghtml.Blockquote, "ExpandableBlockQuote": tghtml.ExpandableBlockquote,
	"FormattedDate": tghtml.DateTime,
}

func (e tdlibEntity) want(t *testing.T) tghtml.Entity {
	t.Helper()
	typ, ok := tdlibTypes[e.Type]
	if !ok {
		t.Fatalf("unknown TDLib entity type %q", e.Type)
	}
	if e.BotAPIType != "" && e.BotAPIType != typ {
		t.Fatalf("TDLib type %s: bot_api_type %q, this package says %q", e.Type, e.BotAPIType, typ)
	}
	w := tghtml.Entity{Type: typ, Offset: e.Offset, Length: e.Length, URL: e.URL,
		Language: e.Language, CustomEmojiID: e.CustomEmojiID}
	if e.FormattedDate != nil {
		w.UnixTime, w.DateFlags = e.FormattedDate.UnixTime, e.FormattedDate.Flags
	}
	return w
}

func loadTDLibCases(t *testing.T) []tdlibCase {
	t.Helper()
	data, err := os.ReadFile(tdlibCases)
	if err != nil {
		t.Fatalf("read TDLib cases: %v", err)
	}
	var file struct {
		Cases []tdlibCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("decode TDLib cases: %v", err)
	}
	if len(file.Cases) == 0 {
		t.Fatal("no TDLib cases")
	}
	return file.Cases
}

func TestParseTDLibCases(t *testing.T) {
	for i, tc := range loadTDLibCases(t) {
		t.Run(fmt.Sprintf("%02d", i), func(t *testing.T) {
			text, entities, err := tghtml.Parse(tc.Input)
			if tc.Error != "" {
				var pe *tghtml.ParseError
				if !errors.As(err, &pe) || pe.Message != tc.Error {
					t.Fatalf("Parse(%q) error = %v, want %q", tc.Input, err, tc.Error)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error = %v", tc.Input, err)
			}
			if tc.Text == nil || text != *tc.Text {
				t.Errorf("Parse(%q) text = %q, want %q", tc.Input, text, deref(tc.Text))
			}
			want := make([]tghtml.Entity, 0, len(tc.Entities))
			for _, e := range tc.Entities {
				want = append(want, e.want(t))
			}
			got := make([]tghtml.Entity, 0, len(entities))
			for _, e := range entities {
				e.DateTimeFormat = "" // the JSON gives TDLib's flags only
				got = append(got, e)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q) entities:\n got %+v\nwant %+v", tc.Input, got, want)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "<none>"
	}
	return *s
}
