// Package telegramapi is an in-process fake of the Telegram Bot API for
// end-to-end tests of code built on go-telegram-bot-api (or any client that
// speaks the Bot API over HTTP).
//
// It answers like the real service rather than like a mock: HTML text is
// parsed with tghtml (TDLib's rules), error bodies and status codes are the
// real ones, limits on length and sending rate are enforced, and chats can be
// put in the states that make Telegram refuse a message (bot blocked, bot
// removed, group migrated). Faults that the real network produces (a 502 HTML
// page from the proxy, a request that never answers) can be injected.
//
//	srv := telegramapi.New(telegramapi.Options{Token: "123:abc"})
//	defer srv.Close()
//	srv.AddChat(telegramapi.Chat{ID: -1001, Type: "channel", Username: "news"})
//	bot, err := tgbotapi.NewBotAPIWithClient("123:abc", srv.Endpoint(), client)
//
// Not modelled: entities Telegram detects by itself (URLs, @mentions,
// hashtags) are not added to sent messages; an explicit "entities" argument is
// ignored; parse_mode Markdown and MarkdownV2 are refused as not implemented;
// only getMe, getChat, sendMessage and sendPhoto exist (others are 404, as
// unknown methods are on Telegram).
//
// Specs: https://core.telegram.org/bots/api
package telegramapi
