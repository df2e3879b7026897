package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/telegram/tghtml"
)

// Image layouts (config.ImageCaption and friends).
const (
	layoutCaption       = "caption"
	layoutPhotoThenText = "photo_then_text"
	layoutPreview       = "preview"
)

// maxUpload is the largest photo the Bot API takes by upload.
// Specs: https://core.telegram.org/bots/api#sending-files
const maxUpload = 10 << 20

// CaptionFits checks a rendered text against the caption limit of a
// photo, counted after entity parsing like Fits.
// Specs: https://core.telegram.org/bots/api#sendphoto
func (p *Publisher) CaptionFits(context.Context) func(string) bool {
	if p.opts.ImageLayout != "" && p.opts.ImageLayout != layoutCaption {
		return nil // the post never goes out as a caption
	}
	return func(text string) bool { return Length(text, model.FormatHTML) <= tghtml.MaxCaptionLength }
}

// publishWithImage posts a message with its lead image, as the layout
// says. The image never costs the post: when Telegram cannot fetch it and
// the upload fails too, the post goes out as text.
func (p *Publisher) publishWithImage(ctx context.Context, msg model.Message) (string, error) {
	switch {
	case p.opts.ImageLayout == layoutPreview:
		return p.publishText(ctx, msg)
	case msg.Caption != "" && (p.opts.ImageLayout == "" || p.opts.ImageLayout == layoutCaption):
		id, se := p.sendPhoto(ctx, msg.Image, msg.Caption, msg.Format)
		if se != nil && se.parse && msg.Format == model.FormatHTML {
			id, se = p.sendPhoto(ctx, msg.Image, tghtml.PlainText(msg.Caption), model.FormatPlain)
		}
		if se != nil && se.image {
			return p.textInstead(ctx, msg)
		}
		if se != nil {
			return "", se.PublishError
		}
		return id, nil
	}
	// The photo, then the post: its remote id is the text's. A retry
	// after the text failed does not send the photo again.
	if !p.photos.has(msg.IdempotencyKey) {
		if _, se := p.sendPhoto(ctx, msg.Image, "", model.FormatPlain); se != nil && !se.image {
			return "", se.PublishError
		} else if se == nil {
			p.photos.add(msg.IdempotencyKey)
		}
		if err := p.Wait(ctx); err != nil {
			return "", waitFailed(err)
		}
	}
	msg.Image = model.Image{}
	id, err := p.publishText(ctx, msg)
	if err == nil {
		p.photos.remove(msg.IdempotencyKey)
	}
	return id, err
}

// sentPhotos remembers, for a while, the deliveries whose photo went out
// ahead of their text, so that a retry sends only the text. It lives in
// memory: after a crash in between, the photo may be sent twice.
type sentPhotos struct {
	mu   sync.Mutex
	keys map[string]time.Time
}

// photoMemory bounds how long and how many photos are remembered.
const (
	photoMemoryFor = time.Hour
	photoMemoryMax = 256
)

func (s *sentPhotos) has(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	at, ok := s.keys[key]
	return key != "" && ok && time.Since(at) < photoMemoryFor
}

func (s *sentPhotos) add(key string) {
	if key == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil {
		s.keys = map[string]time.Time{}
	}
	if len(s.keys) >= photoMemoryMax {
		for k, at := range s.keys {
			if time.Since(at) >= photoMemoryFor || len(s.keys) >= photoMemoryMax {
				delete(s.keys, k)
			}
		}
	}
	s.keys[key] = time.Now()
}

func (s *sentPhotos) remove(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.keys, key)
}

// waitFailed is the publish error of a wait for a second request's place
// in the rate limits: when the limits have no place before the send's
// deadline, the delivery waits for it without losing an attempt (a group
// allows 20 messages a minute, and a post with its photo takes two).
func waitFailed(err error) *model.PublishError {
	pe := &model.PublishError{Reason: "telegram: " + err.Error(), Err: err}
	var pace *model.PaceError
	if errors.As(err, &pace) {
		pe.RetryAfter = max(pace.Wait, time.Second)
	}
	return pe
}

// textInstead sends the post without its image, after the photo was
// refused; it takes a place of its own in the rate limits.
func (p *Publisher) textInstead(ctx context.Context, msg model.Message) (string, error) {
	if err := p.Wait(ctx); err != nil {
		return "", waitFailed(err)
	}
	msg.Image = model.Image{}
	return p.publishText(ctx, msg)
}

// sendPhoto sends the image by URL, and when Telegram cannot fetch or use
// it, downloads it (at most 10 MB, public addresses only) and uploads it.
// A sendError with image set means neither worked.
func (p *Publisher) sendPhoto(ctx context.Context, img model.Image, caption string, f model.Format) (string, *sendError) {
	id, se := p.photoRequest(ctx, p.photoConfig(tgbotapi.FileURL(img.URL), caption, f))
	if se == nil || !se.image || p.opts.FetchImage == nil {
		return id, se
	}
	data, err := p.opts.FetchImage(ctx, img.URL, maxUpload)
	if err != nil {
		se.Reason += "; download for upload: " + err.Error()
		return "", se
	}
	if err := p.Wait(ctx); err != nil {
		return "", &sendError{PublishError: waitFailed(err)}
	}
	name := data.Name
	if name == "" {
		name = "image"
	}
	return p.photoRequest(ctx, p.photoConfig(tgbotapi.FileBytes{Name: name, Bytes: data.Bytes}, caption, f))
}

// photoRequest sends a photo. Any refusal of it that no remedy cures (a
// chat that does not allow photos: "not enough rights to send photos";
// an upload too large: 413; a URL Telegram could not use) is the photo's
// fault, not the post's: the post can still go as text.
func (p *Publisher) photoRequest(ctx context.Context, cfg tgbotapi.PhotoConfig) (string, *sendError) {
	id, se := p.deliver(ctx, cfg)
	if se != nil && se.Permanent && se.Remedy == "" && !se.parse {
		se.image = true
	}
	return id, se
}

func (p *Publisher) photoConfig(file tgbotapi.RequestFileData, caption string, f model.Format) tgbotapi.PhotoConfig {
	var cfg tgbotapi.PhotoConfig
	chat := p.address()
	if id, err := strconv.ParseInt(chat, 10, 64); err == nil {
		cfg = tgbotapi.NewPhoto(id, file)
	} else {
		cfg = tgbotapi.NewPhotoToChannel(chat, file)
	}
	cfg.Caption = caption
	if f == model.FormatHTML && caption != "" {
		cfg.ParseMode = tgbotapi.ModeHTML
	}
	return cfg
}

// sendPreview sends the text with a link preview of the image above it
// (link_preview_options, which tgbotapi v5.5 predates: the request is
// made by hand).
// Specs: https://core.telegram.org/bots/api#linkpreviewoptions
func (p *Publisher) sendPreview(ctx context.Context, cfg tgbotapi.MessageConfig, image string) (string, *sendError) {
	opts, _ := json.Marshal(map[string]any{"url": image, "prefer_large_media": true, "show_above_text": true})
	params := tgbotapi.Params{"text": cfg.Text, "link_preview_options": string(opts)}
	if cfg.ChannelUsername != "" {
		params["chat_id"] = cfg.ChannelUsername
	} else {
		params.AddNonZero64("chat_id", cfg.ChatID)
	}
	params.AddNonEmpty("parse_mode", cfg.ParseMode)
	return p.request(ctx, func(bot *tgbotapi.BotAPI) (tgbotapi.Message, error) {
		var m tgbotapi.Message
		resp, err := bot.MakeRequest("sendMessage", params)
		if err != nil {
			return m, err
		}
		err = json.Unmarshal(resp.Result, &m)
		return m, err
	})
}

// imageRefusal tells the Bot API's answers that blame the photo itself:
// another try with the same photo would fail, but the post can go without
// it.
func imageRefusal(desc string) bool {
	for _, s := range []string{"wrong file identifier/http url specified", "failed to get http url content",
		"wrong type of the web page content", "image_process_failed", "photo_invalid_dimensions",
		"photo_ext_invalid", "file is too big", "wrong remote file identifier", "photo_save_file_invalid"} {
		if strings.Contains(desc, s) {
			return true
		}
	}
	return false
}
