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
// A test plays the bot's users with PushMessage and PushChannelPost; the
// bot takes the updates with getUpdates (offsets, limit, long polling,
// allowed_updates, and 409 for a second poller or while a webhook is set)
// or through a webhook that DeliverWebhook drives. setMyCommands and its
// kin keep the command menus per scope and language.
//
// Inline keyboards are read from reply_markup as the Bot API reads them
// (its errors for bad JSON, text buttons, BUTTON_DATA_INVALID for
// callback_data over 64 bytes) and shown in Message objects as Telegram
// keeps them; Message.Buttons gives a recorded message's keyboard. A user
// presses a callback button with PushCallbackQuery; answerCallbackQuery
// takes each query once (CallbackAnswers lists the answers) and
// editMessageReplyMarkup changes or removes the keyboard of a message the
// bot sent, refusing an edit that changes nothing.
//
// Not modelled: entities Telegram detects by itself (URLs, @mentions,
// hashtags) are added neither to sent messages nor to pushed ones, which
// get their bot_command entities only; an explicit "entities" argument is
// ignored; parse_mode Markdown and MarkdownV2 are refused as not
// implemented. Only these methods exist (others are 404, as unknown methods
// are on Telegram): getMe, getChat, sendMessage, sendPhoto, sendDocument,
// getFile, getUpdates, setWebhook, deleteWebhook, getWebhookInfo,
// setMyCommands, getMyCommands, deleteMyCommands, answerCallbackQuery and
// editMessageReplyMarkup.
//
// Files: a user sends a document with PushDocument (a caption may hold a
// command) and replies to it with PushReply; getFile gives its file_path
// (400 "file is too big" over the 20 MB bots may download) and
// "/file/bot<token>/<file_path>" serves it. sendDocument takes an upload of
// up to 50 MB (413 beyond) or a known file_id; Message.DocumentData is what
// was uploaded. Documents by HTTP URL are refused.
//
// Keyboards and callback queries are simpler than on Telegram: a button
// with more than one action is refused (the docs forbid it; Telegram keeps
// the first action it reads); buttons other than callback_data and url are
// taken as sent, without Telegram's checks of their kind or URL; reply
// keyboards (keyboard, remove_keyboard, force_reply) are only checked to be
// JSON objects; callback queries never grow too old to answer; inline
// messages (inline_message_id) do not exist; editMessageReplyMarkup ignores
// the chat states that refuse a message (a blocked bot, a migrated group).
// answerCallbackQuery and editMessageReplyMarkup do not count against the
// sending rate limits.
//
// Update intake differs from Telegram on purpose in a few ways that only
// cost tests time or reach: getUpdates calls repeated within 3 seconds are
// neither slowed down nor cut to one update, and a second 409 conflict in
// 3 seconds is not delayed; a long poll answers as soon as one update is
// there; updates do not expire after 24 hours; setWebhook also accepts
// plain http, on any port, to a loopback host (Telegram requires https on
// port 80, 88, 443 or 8443), never resolves or verifies the host, and
// refuses a bad URL without first dropping the old webhook; a webhook gets
// updates only when the test calls DeliverWebhook, which never answers a
// method in the response body.
//
// Specs: https://core.telegram.org/bots/api
package telegramapi
