package telegramapi

import (
	"maps"
	"slices"
	"time"

	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Message is a message the server accepted, as a test wants to inspect it.
type Message struct {
	ChatID    int64
	MessageID int
	Method    string // "sendMessage", "sendPhoto" or "sendDocument"
	Date      time.Time

	// Text is what Telegram shows: the text (or photo caption) after entity
	// parsing and the Bot API's trimming. Entities are its formatting.
	Text     string
	Entities []tghtml.Entity
	// RawText and ParseMode are the text or caption and parse_mode as sent.
	RawText   string
	ParseMode string

	// Photo is the photo URL or file_id sent, or "upload:<file name>".
	Photo string
	// Document is the document sent (sendDocument): "upload:<file name>",
	// or the file_id or URL; DocumentData is an upload's content.
	Document     string
	DocumentData []byte
	documentJSON *documentJSON

	// ReplyMarkup is the reply_markup argument as sent, raw JSON, or as
	// the latest editMessageReplyMarkup sent it; Buttons reads its inline
	// keyboard.
	ReplyMarkup           string
	DisableWebPagePreview bool
	LinkPreviewOptions    string // raw JSON, if any
}

// Request is one HTTP request the server saw.
type Request struct {
	Method string            // as written in the URL
	Params map[string]string // arguments other than uploaded files
	Files  map[string]string // uploaded files: argument name to file name
	// Status is the HTTP status answered; 0 while the server has not
	// answered: a Hang fault, or a getUpdates long poll still waiting.
	Status int
	// Description is the error description of a JSON error answer.
	Description string
}

// Messages returns the messages accepted for a chat, oldest first.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if m.ChatID == chatID {
			m.Entities = slices.Clone(m.Entities)
			out = append(out, m)
		}
	}
	return out
}

// Requests returns every request seen so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		r.Params, r.Files = maps.Clone(r.Params), maps.Clone(r.Files)
		out[i] = r
	}
	return out
}

// record adds a request as it arrives, so that Requests lists requests in
// the order they came even when a long poll is answered late, and returns
// its index for answered. s.mu must be held.
func (s *Server) record(method string, p params) int {
	files := make(map[string]string, len(p.files))
	for k, f := range p.files {
		files[k] = f.name
	}
	s.requests = append(s.requests, Request{Method: method, Params: maps.Clone(p.values), Files: files})
	return len(s.requests) - 1
}

// answered sets the outcome of the request record returned i for; s.mu
// must be held.
func (s *Server) answered(i, status int, description string) {
	s.requests[i].Status, s.requests[i].Description = status, description
}
