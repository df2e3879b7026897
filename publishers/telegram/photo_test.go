package telegram_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/telegram"
)

var jpeg = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")

// imageSite serves /open.jpg to anyone, /guarded.jpg only to crier's own
// fetcher (as a site that blocks Telegram's servers does), and a page at
// /page.jpg.
func imageSite(t *testing.T) *httptest.Server {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/open.jpg",
			r.URL.Path == "/guarded.jpg" && strings.HasPrefix(r.UserAgent(), "crier"):
			w.Write(jpeg)
		case r.URL.Path == "/guarded.jpg":
			http.Error(w, "Forbidden", http.StatusForbidden)
		case r.URL.Path == "/page.jpg":
			w.Write([]byte("<!doctype html><p>Access denied</p>"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

func withImage(text, caption, url string) model.Message {
	return model.Message{Text: text, Caption: caption, Format: model.FormatHTML,
		Image: model.Image{URL: url, Alt: "Alt"}}
}

func TestPhotoPosts(t *testing.T) {
	site := imageSite(t)
	fetch := feeds.NewFetcher(feeds.Options{AllowPrivatePages: true, UserAgent: "crier/test"}).FetchImage
	ctx := context.Background()
	for _, tc := range []struct {
		name, layout, url, caption string
		fetch                      model.ImageFetcher
		want                       []string // method: photo or text shown
	}{
		{"caption", "caption", "/open.jpg", "<b>Title</b> short", fetch,
			[]string{"sendPhoto " + site.URL + "/open.jpg: Title short"}},
		{"caption does not fit: photo then text", "caption", "/open.jpg", "", fetch,
			[]string{"sendPhoto " + site.URL + "/open.jpg: ", "sendMessage : Title and the long text"}},
		{"photo then text", "photo_then_text", "/open.jpg", "<b>Title</b> short", fetch,
			[]string{"sendPhoto " + site.URL + "/open.jpg: ", "sendMessage : Title and the long text"}},
		{"URL refused, upload accepted", "caption", "/guarded.jpg", "<b>Title</b> short", fetch,
			[]string{"sendPhoto upload:guarded.jpg: Title short"}},
		{"URL refused, upload fails: text", "caption", "/page.jpg", "<b>Title</b> short", fetch,
			[]string{"sendMessage : Title and the long text"}},
		{"URL refused, no fetcher: text", "caption", "/guarded.jpg", "<b>Title</b> short", nil,
			[]string{"sendMessage : Title and the long text"}},
		{"photo of photo then text refused: text alone", "photo_then_text", "/gone.jpg", "", fetch,
			[]string{"sendMessage : Title and the long text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, c := setup(t, telegramapi.Limits{})
			p := c.Publisher("@news_channel", telegram.Options{ImageLayout: tc.layout, FetchImage: tc.fetch})
			msg := withImage("<b>Title</b> and the long text", tc.caption, site.URL+tc.url)
			if err := p.Wait(ctx); err != nil {
				t.Fatal(err)
			}
			id, err := p.Publish(ctx, msg)
			if err != nil || id == "" {
				t.Fatalf("publish = %q, %v", id, err)
			}
			var got []string
			for _, m := range srv.Messages(-1001) {
				got = append(got, m.Method+" "+m.Photo+": "+m.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("posted\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if last := srv.Messages(-1001); id != strconv.Itoa(last[len(last)-1].MessageID) {
				t.Errorf("remote id %s is not the last message's", id)
			}
		})
	}
}

// The preview layout sends one message whose link preview shows the image.
func TestPhotoAsLinkPreview(t *testing.T) {
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	p := c.Publisher("@news_channel", telegram.Options{ImageLayout: "preview"})
	if _, err := p.Publish(context.Background(), withImage("<b>Title</b> text", "ignored", "https://cdn.example/p.jpg")); err != nil {
		t.Fatal(err)
	}
	m := srv.Messages(-1001)
	if len(m) != 1 || m[0].Method != "sendMessage" || m[0].Text != "Title text" ||
		!strings.Contains(m[0].LinkPreviewOptions, `"url":"https://cdn.example/p.jpg"`) ||
		!strings.Contains(m[0].LinkPreviewOptions, `"show_above_text":true`) {
		t.Errorf("sent %+v", m)
	}
}

// A caption longer than Telegram's 1,024 characters is refused as too long:
// the dispatcher's cure (render shorter) applies.
func TestCaptionTooLong(t *testing.T) {
	site := imageSite(t)
	_, c := setup(t, telegramapi.Limits{Disabled: true})
	p := c.Publisher("@news_channel", telegram.Options{})
	caption := strings.Repeat("word ", 210)
	if p.CaptionFits(context.Background())(caption) {
		t.Fatalf("a %d-character caption fits", len(caption))
	}
	_, err := p.Publish(context.Background(), withImage("text", caption, site.URL+"/open.jpg"))
	if pe, ok := err.(*model.PublishError); !ok || pe.Remedy != model.RemedyShorten {
		t.Errorf("err = %v, want the shorten remedy", err)
	}
}

// A retry after the text failed behind its photo sends the text only.
func TestPhotoThenTextRetrySendsTheTextOnly(t *testing.T) {
	site := imageSite(t)
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	p := c.Publisher("@news_channel", telegram.Options{ImageLayout: "photo_then_text"})
	msg := withImage("<b>Title</b> text", "", site.URL+"/open.jpg")
	msg.IdempotencyKey = "crier-1"
	srv.FailNext("sendMessage", telegramapi.Fault{Status: 502})
	if _, err := p.Publish(context.Background(), msg); err == nil {
		t.Fatal("the text's 502 was not reported")
	}
	if _, err := p.Publish(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range srv.Messages(-1001) {
		got = append(got, m.Method)
	}
	if strings.Join(got, " ") != "sendPhoto sendMessage" {
		t.Errorf("sent %v, want one photo and one text", got)
	}
}

// A group that forbids photos still gets the post, as text.
func TestChatWithoutPhotoRightsGetsText(t *testing.T) {
	site := imageSite(t)
	srv, c := setup(t, telegramapi.Limits{Disabled: true})
	srv.AddChat(telegramapi.Chat{ID: -200, Type: "group", NoPhotos: true})
	p := c.Publisher("-200", telegram.Options{})
	if _, err := p.Publish(context.Background(), withImage("<b>Title</b> text", "<b>Title</b>", site.URL+"/open.jpg")); err != nil {
		t.Fatal(err)
	}
	if m := srv.Messages(-200); len(m) != 1 || m[0].Method != "sendMessage" || m[0].Text != "Title text" {
		t.Errorf("sent %+v", m)
	}
}

// When the limits have no place for the text behind its photo before the
// send's deadline, the error asks to wait: the delivery keeps its attempts.
func TestNoPlaceForTheSecondMessageAsksToWait(t *testing.T) {
	site := imageSite(t)
	_, c := setup(t, telegramapi.Limits{Disabled: true})
	p := c.Publisher("@news_channel", telegram.Options{ImageLayout: "photo_then_text"})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	// The chat's burst of two is spent: the text would wait a second.
	for range 2 {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	_, err := p.Publish(ctx, withImage("<b>Title</b> text", "", site.URL+"/open.jpg"))
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.RetryAfter <= 0 || pe.Permanent {
		t.Errorf("err = %v, want a wait", err)
	}
}
