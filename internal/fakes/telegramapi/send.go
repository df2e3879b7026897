package telegramapi

import (
	"strings"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Specs: https://core.telegram.org/bots/api#sendmessage
func (s *Server) sendMessage(p params) (any, *apiError) {
	if aerr := checkJSONArgs(p); aerr != nil {
		return nil, aerr
	}
	raw := p.get("text")
	if raw == "" {
		return nil, badRequest("message text is empty")
	}
	text, entities, aerr := formatText(raw, p.get("parse_mode"))
	if aerr != nil {
		return nil, aerr
	}
	if tghtml.IsBlank(text) {
		return nil, badRequest("message text is empty")
	}
	chat, aerr := s.findChat(p.get("chat_id"))
	if aerr != nil {
		return nil, aerr
	}
	if tghtml.RuneLen(text) > tghtml.MaxMessageLength {
		return nil, badRequest("message is too long")
	}
	return s.deliver(chat, p, Message{
		Method: "sendMessage", Text: text, Entities: entities, RawText: raw,
		ParseMode: p.get("parse_mode"), DisableWebPagePreview: isTrue(p.get("disable_web_page_preview")),
		LinkPreviewOptions: p.get("link_preview_options"),
	})
}

// Specs: https://core.telegram.org/bots/api#sendphoto
func (s *Server) sendPhoto(p params) (any, *apiError) {
	if aerr := checkJSONArgs(p); aerr != nil {
		return nil, aerr
	}
	raw := p.get("caption")
	text, entities, aerr := caption(p)
	if aerr != nil {
		return nil, aerr
	}
	photo, aerr := s.photoArg(p)
	if aerr != nil {
		return nil, aerr
	}
	chat, aerr := s.findChat(p.get("chat_id"))
	if aerr != nil {
		return nil, aerr
	}
	if chat.NoPhotos && chat.canPost() == nil {
		return nil, badRequest("not enough rights to send photos to the chat")
	}
	return s.deliver(chat, p, Message{
		Method: "sendPhoto", Text: text, Entities: entities, RawText: raw,
		ParseMode: p.get("parse_mode"), Photo: photo,
	})
}

// caption parses a media caption as the Bot API does: entities, the
// 1,024-character limit after parsing, and a blank caption taken for none.
func caption(p params) (string, []tghtml.Entity, *apiError) {
	text, entities, aerr := formatText(p.get("caption"), p.get("parse_mode"))
	if aerr != nil {
		return "", nil, aerr
	}
	if tghtml.RuneLen(text) > tghtml.MaxCaptionLength {
		return "", nil, badRequest("message caption is too long")
	}
	if tghtml.IsBlank(text) {
		return "", nil, nil
	}
	return text, entities, nil
}

// photoArg accepts an upload (directly or as "attach://name"), an HTTP URL
// or the file_id of a photo this server sent before.
//
// An upload must be an image of at most 10 MB; a URL is downloaded first
// (fetchPhotoURL), and refused as Telegram refuses it.
func (s *Server) photoArg(p params) (string, *apiError) {
	f, ok := p.files["photo"]
	v := p.get("photo")
	if name, isAttach := strings.CutPrefix(v, "attach://"); !ok && isAttach {
		if f, ok = p.files[name]; !ok {
			return "", badRequest("there is no photo in the request")
		}
	}
	if ok {
		switch {
		case f.size > maxPhotoUploaded:
			return "", badRequest("file is too big")
		case !isImage(f.data):
			return "", badRequest("IMAGE_PROCESS_FAILED")
		}
		return "upload:" + f.name, nil
	}
	switch {
	case v == "":
		return "", badRequest("there is no photo in the request")
	case p.photoURL != nil && p.photoURL.problem != "":
		return "", badRequest("%s", p.photoURL.problem)
	case strings.HasPrefix(v, "http://"), strings.HasPrefix(v, "https://"), s.fileIDs[v]:
		return v, nil
	}
	return "", badRequest("wrong file identifier/HTTP URL specified")
}

// checkJSONArgs reads the JSON arguments of a send method as the Bot API
// does, before anything else.
func checkJSONArgs(p params) *apiError {
	if _, aerr := parseReplyMarkup(p.get("reply_markup")); aerr != nil {
		return aerr
	}
	if !validJSONObject(p.get("link_preview_options")) {
		return badRequest("can't parse link preview options JSON object")
	}
	return nil
}

func isTrue(v string) bool { return v == "true" || v == "1" }

// deliver is where Telegram itself takes over: the inline keyboard, chat
// state, then flood control, then the message gets its id. s.mu must be
// held; the reply_markup argument must have passed checkJSONArgs.
func (s *Server) deliver(chat *Chat, p params, m Message) (any, *apiError) {
	rows, _ := parseReplyMarkup(p.get("reply_markup"))
	if aerr := checkButtons(rows); aerr != nil {
		return nil, aerr
	}
	if aerr := chat.canPost(); aerr != nil {
		return nil, aerr
	}
	now := s.opts.Now()
	if wait := s.limiter.admit(chat, now); wait > 0 {
		return nil, tooManyRequests(wait)
	}
	s.lastMsgID[chat.ID]++
	m.ChatID, m.MessageID, m.Date, m.ReplyMarkup = chat.ID, s.lastMsgID[chat.ID], now, p.get("reply_markup")
	s.messages = append(s.messages, m)
	j := s.messageJSON(chat, m)
	for _, size := range j.Photo {
		s.fileIDs[size.FileID] = true
	}
	return j, nil
}
