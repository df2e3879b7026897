package telegramapi

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"
)

// Telegram's file limits for bots.
// Specs: https://core.telegram.org/bots/api#getfile (downloads up to 20 MB)
// and https://core.telegram.org/bots/api#sending-files (uploads up to 50 MB).
const (
	maxDownloadBytes = 20 << 20
	maxSendBytes     = 50 << 20
)

// Document is a file a user sends the bot (PushDocument).
type Document struct {
	Name     string // file_name, e.g. "feeds.opml"
	MIMEType string // default application/octet-stream
	Data     []byte
}

type documentJSON struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	MIMEType     string `json:"mime_type,omitempty"`
	FileSize     int    `json:"file_size,omitempty"`
}

type fileJSON struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileSize     int    `json:"file_size,omitempty"`
	FilePath     string `json:"file_path,omitempty"`
}

// storedFile is a file the server holds: a user's document, or one the bot
// uploaded.
type storedFile struct {
	doc  documentJSON
	path string
	data []byte
}

type msgKey struct {
	chat int64
	id   int
}

// PushDocument queues a "message" update holding a document sent by from in
// chatID, with caption (which may be a command, such as "/import"; it gets
// its bot_command entities). The bot can getFile the document and download
// it. It returns the update_id (0 when allowed_updates leave messages out)
// and the message_id, for PushReply. It panics on the mistakes PushMessage
// panics on, and on a document without data.
func (s *Server) PushDocument(chatID int64, from User, doc Document, caption string) (updateID, messageID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(doc.Data) == 0 {
		panic("telegramapi: PushDocument without data; Telegram refuses empty files")
	}
	chat := s.pushTarget("PushDocument", chatID, "document")
	m := s.incoming(chat, "")
	f := s.storeFile(documentJSON{FileName: doc.Name, MIMEType: cmp.Or(doc.MIMEType, "application/octet-stream")}, doc.Data)
	m.Document = &f.doc
	m.Caption, m.CaptionEntities = caption, botCommandEntities(caption)
	return s.pushFrom(chat, from, m), m.MessageID
}

// PushReply queues a "message" update: text sent by from in reply to the
// message replyTo of the same chat, a message a user sent (PushMessage,
// PushDocument). Telegram includes the replied message, without its own
// reply. It panics when there is no such message.
func (s *Server) PushReply(chatID int64, from User, text string, replyTo int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := s.pushTarget("PushReply", chatID, text)
	orig, ok := s.incomingM[msgKey{chatID, replyTo}]
	if !ok {
		panic(fmt.Sprintf("telegramapi: PushReply to message %d of chat %d, which no user sent", replyTo, chatID))
	}
	m := s.incoming(chat, text)
	m.ReplyToMessage = &orig
	return s.pushFrom(chat, from, m)
}

// storeFile keeps data under a new file_id; s.mu must be held.
func (s *Server) storeFile(doc documentJSON, data []byte) *storedFile {
	n := len(s.files) + 1
	doc.FileID = fmt.Sprintf("fake-document-%d", n)
	doc.FileUniqueID = fmt.Sprintf("fake-unique-%d", n)
	doc.FileSize = len(data)
	f := &storedFile{doc: doc, path: fmt.Sprintf("documents/file_%d%s", n, extension(doc.FileName)), data: data}
	s.files[doc.FileID] = f
	return f
}

func extension(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.ContainsAny(name[i:], "/\\") {
		return name[i:]
	}
	return ""
}

// getFile prepares a file for download: its file_path, valid for the
// bot's token. Files over 20 MB cannot be downloaded by bots.
// Specs: https://core.telegram.org/bots/api#getfile
func (s *Server) getFile(p params) (any, *apiError) {
	id := p.get("file_id")
	if id == "" {
		return nil, badRequest("file_id not specified")
	}
	f, ok := s.files[id]
	if !ok {
		return nil, badRequest("invalid file_id")
	}
	if len(f.data) > maxDownloadBytes {
		return nil, badRequest("file is too big")
	}
	return fileJSON{FileID: f.doc.FileID, FileUniqueID: f.doc.FileUniqueID, FileSize: f.doc.FileSize, FilePath: f.path}, nil
}

// serveFile answers "/file/bot<token>/<file_path>": the file's bytes, or
// the JSON error the real server gives.
func (s *Server) serveFile(w http.ResponseWriter, rest string) {
	token, path, _ := strings.Cut(rest, "/")
	s.mu.Lock()
	defer s.mu.Unlock()
	if aerr := s.checkToken(token); aerr != nil {
		writeJSON(w, aerr.code, aerr.response())
		return
	}
	for _, f := range s.files {
		if f.path == path && len(f.data) <= maxDownloadBytes {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write(f.data)
			return
		}
	}
	writeJSON(w, errNotFound.code, errNotFound.response())
}

// Specs: https://core.telegram.org/bots/api#senddocument
func (s *Server) sendDocument(p params) (any, *apiError) {
	if aerr := checkJSONArgs(p); aerr != nil {
		return nil, aerr
	}
	ref, doc, data, aerr := s.documentArg(p)
	if aerr != nil {
		return nil, aerr
	}
	raw := p.get("caption")
	text, entities, aerr := caption(p)
	if aerr != nil {
		return nil, aerr
	}
	chat, aerr := s.findChat(p.get("chat_id"))
	if aerr != nil {
		return nil, aerr
	}
	return s.deliver(chat, p, Message{Method: "sendDocument", Text: text, Entities: entities, RawText: raw,
		ParseMode: p.get("parse_mode"), Document: ref, DocumentData: data, documentJSON: doc})
}

// documentArg accepts an upload (directly or as "attach://name") of at
// most 50 MB, or the file_id of a file the server holds.
func (s *Server) documentArg(p params) (string, *documentJSON, []byte, *apiError) {
	up, ok := p.files["document"]
	if name, isAttach := strings.CutPrefix(p.get("document"), "attach://"); !ok && isAttach {
		up, ok = p.files[name]
	}
	if ok {
		switch {
		case up.size > maxSendBytes:
			return "", nil, nil, errTooLarge
		case up.size == 0:
			return "", nil, nil, badRequest("file must be non-empty")
		}
		f := s.storeFile(documentJSON{FileName: up.name, MIMEType: "application/octet-stream"}, up.data)
		return "upload:" + up.name, &f.doc, up.data, nil
	}
	v := p.get("document")
	if v == "" {
		return "", nil, nil, badRequest("there is no document in the request")
	}
	if f, ok := s.files[v]; ok {
		return v, &f.doc, f.data, nil
	}
	return "", nil, nil, badRequest("wrong file identifier/HTTP URL specified")
}
