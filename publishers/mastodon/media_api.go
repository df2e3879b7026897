package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"

	"github.com/crierhq/crier/internal/model"
)

// The media calls bypass go-mastodon: v0.0.13's GetMediaStatus takes the
// 206 that means "still processing" for an error and drops the body, so
// it cannot tell processing from failure.

// APIError is a non-2xx answer to a media call, with Mastodon's message.
type APIError struct {
	Status  int
	Message string
}

func (e *APIError) Error() string { return fmt.Sprintf("mastodon %d: %s", e.Status, e.Message) }

type attachment struct {
	ID  string  `json:"id"`
	URL *string `json:"url"` // null while processing
}

// uploadMedia is POST /api/v2/media. It reports whether the attachment is
// ready (200) or still processing (202).
// Specs: https://docs.joinmastodon.org/methods/media/#v2
func (p *Publisher) uploadMedia(ctx context.Context, img model.ImageData, description string) (string, bool, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := make(textproto.MIMEHeader)
	name := img.Name
	if name == "" {
		name = "image"
	}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
	h.Set("Content-Type", img.ContentType)
	fw, err := mw.CreatePart(h)
	if err != nil {
		return "", false, err
	}
	_, _ = fw.Write(img.Bytes)
	if description != "" {
		_ = mw.WriteField("description", description)
	}
	if err := mw.Close(); err != nil {
		return "", false, err
	}
	var att attachment
	code, err := p.mediaCall(ctx, http.MethodPost, "/api/v2/media", mw.FormDataContentType(), &body, &att)
	if err != nil {
		return "", false, err
	}
	return att.ID, code == http.StatusOK && att.URL != nil, nil
}

// mediaReady is GET /api/v1/media/:id: 206 while processing, 200 when done.
// Specs: https://docs.joinmastodon.org/methods/media/#get
func (p *Publisher) mediaReady(ctx context.Context, id string) (bool, error) {
	var att attachment
	code, err := p.mediaCall(ctx, http.MethodGet, "/api/v1/media/"+url.PathEscape(id), "", nil, &att)
	if err != nil {
		return false, err
	}
	return code == http.StatusOK, nil
}

func (p *Publisher) mediaCall(ctx context.Context, method, path, contentType string, body io.Reader, out any) (int, error) {
	req, err := http.NewRequestWithContext(ctx, method, p.server+path, body)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+p.token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if p.opts.UserAgent != "" {
		req.Header.Set("User-Agent", p.opts.UserAgent)
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return 0, err // a 429 arrives here as a *RateLimitError from the transport
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(data, &e) != nil || e.Error == "" {
			e.Error = http.StatusText(resp.StatusCode)
		}
		return resp.StatusCode, &APIError{Status: resp.StatusCode, Message: e.Error}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return resp.StatusCode, fmt.Errorf("%s %s: %w", method, path, err)
	}
	return resp.StatusCode, nil
}
