// Package tghtml reimplements how the Telegram Bot API reads text sent with
// parse_mode=HTML, so that crier can check, measure and escape what it posts
// without a round trip to Telegram.
//
// The behaviour follows TDLib's parse_html (td/telegram/MessageEntity.cpp),
// which the Bot API server runs for every HTML text: the same tags, the same
// character references, the same quirks and the same error messages, because
// the Bot API answers "Bad Request: can't parse entities: <message>" with
// exactly those messages.
//
// Specs: https://core.telegram.org/bots/api#html-style
package tghtml
