package telegramapi_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
)

// images serves a JPEG at /p.jpg, a page at /page and a 404 elsewhere, as
// the sites Telegram downloads photo URLs from.
func images(t *testing.T) *httptest.Server {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/p.jpg":
			w.Write(jpeg)
		case "/page":
			w.Write([]byte("<!doctype html><html><body>Not a photo</body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

var jpeg = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")

func TestSendPhoto(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, channelChat)
	bot := newBot(t, srv)
	img := images(t)

	byURL := tgbotapi.NewPhoto(channelChat.ID, tgbotapi.FileURL(img.URL+"/p.jpg"))
	byURL.Caption, byURL.ParseMode = "<i>Look</i> ", tgbotapi.ModeHTML
	got, err := bot.Send(byURL)
	if err != nil {
		t.Fatalf("Send by URL: %v", err)
	}
	if len(got.Photo) == 0 || got.Caption != "Look" || len(got.CaptionEntities) != 1 || got.Text != "" {
		t.Errorf("message = %+v", got)
	}

	upload := tgbotapi.NewPhoto(channelChat.ID, tgbotapi.FileBytes{Name: "chart.png", Bytes: []byte("\x89PNG\r\n\x1a\n")})
	if _, err := bot.Send(upload); err != nil {
		t.Fatalf("Send upload: %v", err)
	}

	again := tgbotapi.NewPhoto(channelChat.ID, tgbotapi.FileID(got.Photo[len(got.Photo)-1].FileID))
	if _, err := bot.Send(again); err != nil {
		t.Fatalf("Send by file_id: %v", err)
	}

	msgs := srv.Messages(channelChat.ID)
	if len(msgs) != 3 || msgs[0].Photo != img.URL+"/p.jpg" || msgs[0].Text != "Look" ||
		msgs[1].Photo != "upload:chart.png" || msgs[1].Method != "sendPhoto" || msgs[2].MessageID != 3 {
		t.Errorf("messages = %+v", msgs)
	}
	if files := srv.Requests()[2].Files; files["photo"] != "chart.png" {
		t.Errorf("upload recorded as %v", files)
	}
}

func TestSendPhotoErrors(t *testing.T) {
	long := strings.Repeat("x", 1025)
	img := images(t)
	tests := []struct {
		name string
		cfg  tgbotapi.PhotoConfig
		// tgbotapi v5.5.1 leaves Error.Code at 0 for multipart uploads, so
		// the code is checked only for requests sent as a form.
		code int
		desc string
	}{
		{"caption too long", photo(tgbotapi.FileURL("https://e.com/p.jpg"), long), 400, "Bad Request: message caption is too long"},
		{"caption too long on upload", photo(tgbotapi.FileBytes{Name: "a.png", Bytes: []byte("x")}, long), 0,
			"Bad Request: message caption is too long"},
		{"unknown file_id", photo(tgbotapi.FileID("nope"), ""), 400, "Bad Request: wrong file identifier/HTTP URL specified"},
		{"no photo", photo(tgbotapi.FileID(""), ""), 400, "Bad Request: there is no photo in the request"},
		{"bad caption HTML", photo(tgbotapi.FileURL("https://e.com/p.jpg"), "<p>"), 400,
			`Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0`},
		{"URL not found", photo(tgbotapi.FileURL(img.URL+"/gone.jpg"), ""), 400, "Bad Request: failed to get HTTP URL content"},
		{"URL unreachable", photo(tgbotapi.FileURL("http://127.0.0.1:1/p.jpg"), ""), 400, "Bad Request: failed to get HTTP URL content"},
		{"URL of a page", photo(tgbotapi.FileURL(img.URL+"/page"), ""), 400, "Bad Request: wrong type of the web page content"},
		{"upload not an image", photo(tgbotapi.FileBytes{Name: "a.jpg", Bytes: []byte("<html>")}, ""), 0, "Bad Request: IMAGE_PROCESS_FAILED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, telegramapi.Options{})
			addChats(srv, channelChat)
			_, err := newBot(t, srv).Send(tc.cfg)
			apiErr := asAPIError(t, err)
			if apiErr.Code != tc.code || apiErr.Message != tc.desc {
				t.Errorf("error = %d %q, want %d %q", apiErr.Code, apiErr.Message, tc.code, tc.desc)
			}
		})
	}
}

func photo(file tgbotapi.RequestFileData, caption string) tgbotapi.PhotoConfig {
	p := tgbotapi.NewPhoto(channelChat.ID, file)
	p.Caption, p.ParseMode = caption, tgbotapi.ModeHTML
	return p
}

func TestSendPhotoBlankCaption(t *testing.T) {
	srv := newServer(t, telegramapi.Options{})
	addChats(srv, channelChat)
	got, err := newBot(t, srv).Send(photo(tgbotapi.FileURL(images(t).URL+"/p.jpg"), "<b> </b>"))
	if err != nil || got.Caption != "" || len(got.CaptionEntities) != 0 {
		t.Errorf("Send = caption %q %+v, %v; want a photo without caption", got.Caption, got.CaptionEntities, err)
	}
}
