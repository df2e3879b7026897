package telegram

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// ErrFileTooBig refuses a file over the caller's cap, or over the 20 MB
// Telegram lets bots download.
var ErrFileTooBig = errors.New("file too big")

// Download fetches a file a user sent: getFile gives its path, then the
// file endpoint its bytes, at most max of them.
// Specs: https://core.telegram.org/bots/api#getfile
func (c *Client) Download(ctx context.Context, fileID string, max int64) ([]byte, error) {
	f, err := c.withContext(ctx).GetFile(tgbotapi.FileConfig{FileID: fileID})
	if err != nil {
		var api *tgbotapi.Error
		if errors.As(err, &api) && api.Message == "Bad Request: file is too big" {
			return nil, fmt.Errorf("%w: over Telegram's 20 MB for bots", ErrFileTooBig)
		}
		return nil, classify(c.redact(err)).PublishError
	}
	if int64(f.FileSize) > max {
		return nil, fmt.Errorf("%w: %d bytes, over %d", ErrFileTooBig, f.FileSize, max)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf(c.files, c.token, f.FilePath), nil)
	if err != nil {
		return nil, c.redact(err)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.redact(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("telegram file download: HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, c.redact(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrFileTooBig, max)
	}
	return data, nil
}

// SendDocument uploads data as a file named name to a chat, with a plain
// caption (at most 1024 characters), paced like every message.
// Specs: https://core.telegram.org/bots/api#senddocument
func (c *Client) SendDocument(ctx context.Context, chatID int64, name string, data []byte, caption string) error {
	p := c.Publisher(strconv.FormatInt(chatID, 10), Options{})
	if err := p.Wait(ctx); err != nil {
		return err
	}
	doc := tgbotapi.NewDocument(chatID, tgbotapi.FileBytes{Name: name, Bytes: data})
	doc.Caption = caption
	// Through the publisher, so its place in the limits is dated by the
	// answer and a 429 holds the chat back.
	if _, se := p.deliver(ctx, doc); se != nil {
		return se.PublishError
	}
	return nil
}
