package tghtml

import "sort"

// Entity types, named as the Bot API names them in MessageEntity.type.
const (
	Bold                 = "bold"
	Italic               = "italic"
	Underline            = "underline"
	Strikethrough        = "strikethrough"
	Spoiler              = "spoiler"
	Code                 = "code"
	Pre                  = "pre"
	TextLink             = "text_link"
	TextMention          = "text_mention"
	CustomEmoji          = "custom_emoji"
	Blockquote           = "blockquote"
	ExpandableBlockquote = "expandable_blockquote"
	DateTime             = "date_time"
)

// Entity is one formatting span of a parsed text.
// Specs: https://core.telegram.org/bots/api#messageentity
type Entity struct {
	Type string
	// Offset and Length count UTF-16 code units, as Telegram does.
	Offset int
	Length int

	URL           string // text_link
	UserID        int64  // text_mention, from a tg://user?id= link
	Language      string // pre with <code class="language-...">
	CustomEmojiID string // custom_emoji

	// date_time: UnixTime is the tg-time unix attribute. DateFlags is TDLib's
	// bit set (1 relative, 2 short time, 4 long time, 8 short date, 16 long
	// date, 32 day of week) and DateTimeFormat its Bot API spelling.
	UnixTime       int64
	DateFlags      int
	DateTimeFormat string
}

// typePriority breaks ties between entities that cover the same span, as
// TDLib's MessageEntity::get_type_priority does. date_time is not in the TDLib
// version this was read from; it is ranked with custom_emoji, the other entity
// that replaces what the client shows.
var typePriority = map[string]int{
	Blockquote:           0,
	ExpandableBlockquote: 0,
	Code:                 20,
	TextLink:             49,
	TextMention:          49,
	Bold:                 90,
	Italic:               91,
	Underline:            92,
	Strikethrough:        93,
	Spoiler:              94,
	CustomEmoji:          99,
	DateTime:             99,
}

func priority(e Entity) int {
	if e.Type == Pre {
		// TDLib tells "pre" (11) from "pre with a language" (10).
		if e.Language != "" {
			return 10
		}
		return 11
	}
	return typePriority[e.Type]
}

// sortEntities puts entities in TDLib order: by offset, longer first, then by
// type priority, so that an entity comes before the ones nested in it.
func sortEntities(es []Entity) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		if a.Length != b.Length {
			return a.Length > b.Length
		}
		return priority(a) < priority(b)
	})
}
