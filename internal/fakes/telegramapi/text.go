package telegramapi

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// formatText turns a text or caption and its parse_mode into what Telegram
// stores, with the Bot API's errors. parse_mode is case-insensitive.
func formatText(raw, parseMode string) (string, []tghtml.Entity, *apiError) {
	var text string
	var entities []tghtml.Entity
	switch strings.ToLower(parseMode) {
	case "":
		if !utf8.ValidString(raw) {
			return "", nil, badRequest("strings must be encoded in UTF-8")
		}
		text = raw
	case "html":
		var err error
		text, entities, err = tghtml.Parse(raw)
		if errors.Is(err, tghtml.ErrInvalidUTF8) {
			return "", nil, badRequest("text must be encoded in UTF-8")
		}
		if err != nil {
			return "", nil, badRequest("can't parse entities: %s", err.Error())
		}
	case "markdown", "markdownv2":
		// Valid on Telegram, but crier posts HTML and this fake has no parser.
		return "", nil, badRequest("telegramapi fake: parse_mode %s is not implemented", parseMode)
	default:
		return "", nil, badRequest("unsupported parse_mode")
	}
	text, entities = tghtml.Normalize(text, entities)
	return text, entities, nil
}
