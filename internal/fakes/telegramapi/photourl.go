package telegramapi

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"
)

// Telegram's limits on photos: 5 MB when it downloads them from a URL, 10
// MB when they are uploaded.
// Specs: https://core.telegram.org/bots/api#sending-files
const (
	maxPhotoByURL    = 5 << 20
	maxPhotoUploaded = 10 << 20
)

// urlFetch is the outcome of Telegram's download of a photo URL: "" when it
// got an image, else the error it answers with.
type urlFetch struct{ problem string }

// fetchPhotoURL downloads a photo argument given as a URL, as Telegram's
// servers do before answering, outside the server's lock (the URL may be
// slow). Anything that is not a URL is left to photoArg.
func fetchPhotoURL(ctx context.Context, raw string) *urlFetch {
	if !strings.HasPrefix(raw, "http://") && !strings.HasPrefix(raw, "https://") {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return &urlFetch{"wrong file identifier/HTTP URL specified"}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return &urlFetch{"failed to get HTTP URL content"}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxPhotoByURL+1))
	switch {
	case err != nil, resp.StatusCode != http.StatusOK, len(body) > maxPhotoByURL:
		return &urlFetch{"failed to get HTTP URL content"}
	case !isImage(body):
		return &urlFetch{"wrong type of the web page content"}
	}
	return &urlFetch{}
}

// isImage tells a photo Telegram can process from anything else by its
// first bytes.
func isImage(head []byte) bool {
	switch http.DetectContentType(head) {
	case "image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp":
		return true
	}
	return false
}
