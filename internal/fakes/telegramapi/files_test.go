package telegramapi_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

func TestDocumentsGetFileAndDownload(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	srv.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private})
	bot := newBot(t, srv)
	admin := telegramapi.User{ID: 42, FirstName: "Ada"}
	data := []byte("<opml/>")
	_, msgID := srv.PushDocument(42, admin, telegramapi.Document{Name: "feeds.opml", MIMEType: "text/x-opml", Data: data}, "/import")
	srv.PushReply(42, admin, "/import", msgID)
	big := bytes.Repeat([]byte("x"), 20<<20+1)
	srv.PushDocument(42, admin, telegramapi.Document{Name: "big.opml", Data: big}, "")

	ups, err := bot.GetUpdates(tgbotapi.UpdateConfig{})
	if err != nil || len(ups) != 3 {
		t.Fatalf("updates %d, %v", len(ups), err)
	}
	doc := ups[0].Message.Document
	if doc == nil || doc.FileName != "feeds.opml" || doc.MimeType != "text/x-opml" || doc.FileSize != len(data) ||
		ups[0].Message.Caption != "/import" || len(ups[0].Message.CaptionEntities) != 1 || ups[0].Message.CaptionEntities[0].Type != "bot_command" {
		t.Fatalf("document message %+v", ups[0].Message)
	}
	reply := ups[1].Message.ReplyToMessage
	if reply == nil || reply.MessageID != msgID || reply.Document == nil || reply.Document.FileID != doc.FileID {
		t.Fatalf("reply %+v", ups[1].Message)
	}

	f, err := bot.GetFile(tgbotapi.FileConfig{FileID: doc.FileID})
	if err != nil || f.FilePath == "" || !strings.HasSuffix(f.FilePath, ".opml") {
		t.Fatalf("getFile %+v, %v", f, err)
	}
	body, status := get(t, srv.URL()+"/file/bot"+token+"/"+f.FilePath)
	if status != http.StatusOK || !bytes.Equal(body, data) {
		t.Errorf("download: %d %q", status, body)
	}
	for _, tt := range []struct {
		name, url string
		status    int
		desc      string
	}{
		{"unknown path", srv.URL() + "/file/bot" + token + "/documents/nope.opml", 404, "Not Found"},
		{"wrong token", srv.URL() + "/file/bot123456:wrong/" + f.FilePath, 401, "Unauthorized"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body, status := get(t, tt.url)
			var r struct{ Description string }
			json.Unmarshal(body, &r)
			if status != tt.status || r.Description != tt.desc {
				t.Errorf("%d %s", status, body)
			}
		})
	}

	for _, tt := range []struct{ name, fileID, want string }{
		{"too big for bots", ups[2].Message.Document.FileID, "Bad Request: file is too big"},
		{"unknown", "nope", "Bad Request: invalid file_id"},
		{"missing", "", "Bad Request: file_id not specified"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bot.GetFile(tgbotapi.FileConfig{FileID: tt.fileID})
			var api *tgbotapi.Error
			if !errors.As(err, &api) || api.Code != 400 || api.Message != tt.want {
				t.Errorf("getFile: %v, want 400 %s", err, tt.want)
			}
		})
	}
}

func TestSendDocumentByUpload(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	srv.AddChat(telegramapi.Chat{ID: 42, Type: telegramapi.Private})
	bot := newBot(t, srv)
	data := []byte(`<?xml version="1.0"?><opml version="2.0"/>`)
	msg, err := bot.Send(tgbotapi.DocumentConfig{BaseFile: tgbotapi.BaseFile{BaseChat: tgbotapi.BaseChat{ChatID: 42},
		File: tgbotapi.FileBytes{Name: "crier.opml", Bytes: data}}, Caption: "3 sources"})
	if err != nil || msg.Document == nil || msg.Document.FileName != "crier.opml" || msg.Caption != "3 sources" {
		t.Fatalf("sendDocument: %+v, %v", msg, err)
	}
	got := srv.Messages(42)
	if len(got) != 1 || got[0].Method != "sendDocument" || got[0].Document != "upload:crier.opml" || !bytes.Equal(got[0].DocumentData, data) {
		t.Fatalf("recorded %+v", got)
	}
	// The sent file can be sent again by its file_id.
	if _, err := bot.Send(tgbotapi.NewDocument(42, tgbotapi.FileID(msg.Document.FileID))); err != nil {
		t.Errorf("resend by file_id: %v", err)
	}

	tests := []struct {
		name   string
		cfg    tgbotapi.DocumentConfig
		status int
		want   string
	}{
		{"caption too long", withCaption(tgbotapi.NewDocument(42, tgbotapi.FileBytes{Name: "a", Bytes: data}), strings.Repeat("я", 1025)), 400, "Bad Request: message caption is too long"},
		{"empty file", tgbotapi.NewDocument(42, tgbotapi.FileBytes{Name: "a", Bytes: []byte{}}), 400, "Bad Request: file must be non-empty"},
		{"unknown file_id", tgbotapi.NewDocument(42, tgbotapi.FileID("nope")), 400, "Bad Request: wrong file identifier/HTTP URL specified"},
		{"over 50 MB", tgbotapi.NewDocument(42, tgbotapi.FileBytes{Name: "big", Bytes: make([]byte, 50<<20+1)}), 413, "Request Entity Too Large"},
		{"unknown chat", tgbotapi.NewDocument(7, tgbotapi.FileBytes{Name: "a", Bytes: data}), 400, "Bad Request: chat not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bot.Send(tt.cfg)
			// tgbotapi leaves the code out of an upload's error: the
			// server's record has it.
			var api *tgbotapi.Error
			reqs := srv.Requests()
			last := reqs[len(reqs)-1]
			if !errors.As(err, &api) || api.Message != tt.want || last.Status != tt.status || last.Description != tt.want {
				t.Errorf("sendDocument: %v (%d %s), want %d %s", err, last.Status, last.Description, tt.status, tt.want)
			}
		})
	}
	if n := len(srv.Messages(42)); n != 2 {
		t.Errorf("%d messages recorded, want 2", n)
	}
}

func withCaption(c tgbotapi.DocumentConfig, caption string) tgbotapi.DocumentConfig {
	c.Caption = caption
	return c
}

func get(t *testing.T, url string) ([]byte, int) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return body, resp.StatusCode
}
