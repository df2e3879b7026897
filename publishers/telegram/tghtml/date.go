package tghtml

import "strings"

// Flags of a date_time entity, as in MTProto's messageEntityFormattedDate.
// Specs: https://core.telegram.org/constructor/messageEntityFormattedDate
const (
	DateRelative  = 1
	DateShortTime = 2
	DateLongTime  = 4
	DateShortDate = 8
	DateLongDate  = 16
	DateDayOfWeek = 32
)

// setDate fills e from a <tg-time unix="..." format="..."> tag.
//
// The format letters are those of the Bot API's date_time_format (r, w, d, D,
// t, T; r and w in either case), but TDLib accepts them in any order and
// repeated, and only refuses unknown letters and r mixed with others. An
// unquoted format is lowercased like any name token, so format=T means "t".
func setDate(e *Entity, a tagAttrs) error {
	unix, ok := parseCanonicalInt(a.unix, 32)
	if !ok || unix < 0 {
		// Not covered by TDLib's tests; the message is this package's guess.
		return parseErrorf("Invalid Unix time specified")
	}
	flags, ok := dateFlags(a.format)
	if !ok {
		return parseErrorf("Invalid date format used")
	}
	e.Type, e.UnixTime, e.DateFlags, e.DateTimeFormat = DateTime, unix, flags, dateTimeFormat(flags)
	return nil
}

func dateFlags(format string) (int, bool) {
	flags := 0
	for i := 0; i < len(format); i++ {
		switch format[i] {
		case 'r', 'R':
			flags |= DateRelative
		case 't':
			flags |= DateShortTime
		case 'T':
			flags |= DateLongTime
		case 'd':
			flags |= DateShortDate
		case 'D':
			flags |= DateLongDate
		case 'w', 'W':
			flags |= DateDayOfWeek
		default:
			return 0, false
		}
	}
	if flags&DateRelative != 0 && flags != DateRelative {
		return 0, false
	}
	return flags, true
}

// dateTimeFormat spells flags the way the Bot API documents date_time_format
// (r|w?[dD]?[tT]?); when both a short and a long variant are set, the long
// one wins, as the client cannot show both.
func dateTimeFormat(flags int) string {
	if flags&DateRelative != 0 {
		return "r"
	}
	var b strings.Builder
	if flags&DateDayOfWeek != 0 {
		b.WriteByte('w')
	}
	switch {
	case flags&DateLongDate != 0:
		b.WriteByte('D')
	case flags&DateShortDate != 0:
		b.WriteByte('d')
	}
	switch {
	case flags&DateLongTime != 0:
		b.WriteByte('T')
	case flags&DateShortTime != 0:
		b.WriteByte('t')
	}
	return b.String()
}
