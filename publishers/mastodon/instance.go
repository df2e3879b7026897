package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Defaults when the instance does not say (Mastodon's own defaults).
const (
	DefaultMaxCharacters    = 500
	DefaultURLLength        = 23
	DefaultMaxMedia         = 4
	DefaultImageSizeLimit   = 16 << 20 // bytes
	DefaultDescriptionLimit = 1500     // characters
)

type instanceLimits struct {
	maxChars  int
	urlLength int
	// maxMedia is how many attachments a status may carry; 0 is a real
	// answer (a server that takes no media), not a missing one.
	maxMedia         int
	imageSizeLimit   int64
	descriptionLimit int
	// mimeTypes the instance accepts; empty when it does not say.
	mimeTypes []string
}

var defaultLimits = instanceLimits{
	maxChars: DefaultMaxCharacters, urlLength: DefaultURLLength, maxMedia: DefaultMaxMedia,
	imageSizeLimit: DefaultImageSizeLimit, descriptionLimit: DefaultDescriptionLimit,
}

// instanceLimits asks GET /api/v2/instance once and remembers the answer; if
// the instance cannot be asked, Mastodon's defaults apply and the question is
// asked again ten minutes later.
// Specs: https://docs.joinmastodon.org/methods/instance/#v2
func (p *Publisher) instanceLimits(ctx context.Context) instanceLimits {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.limits != nil {
		return *p.limits
	}
	fallback := defaultLimits
	if time.Since(p.limitsTried) < 10*time.Minute {
		return fallback
	}
	p.limitsTried = time.Now()
	lim, err := p.fetchLimits(ctx)
	if err != nil {
		return fallback
	}
	p.limits = &lim
	return lim
}

func (p *Publisher) fetchLimits(ctx context.Context) (instanceLimits, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.server+"/api/v2/instance", nil)
	if err != nil {
		return instanceLimits{}, err
	}
	if p.opts.UserAgent != "" {
		req.Header.Set("User-Agent", p.opts.UserAgent)
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return instanceLimits{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return instanceLimits{}, fmt.Errorf("instance: HTTP %d", resp.StatusCode)
	}
	var v struct {
		Configuration struct {
			Statuses struct {
				MaxCharacters            int  `json:"max_characters"`
				CharactersReservedPerURL int  `json:"characters_reserved_per_url"`
				MaxMediaAttachments      *int `json:"max_media_attachments"`
			} `json:"statuses"`
			MediaAttachments struct {
				SupportedMIMETypes []string `json:"supported_mime_types"`
				ImageSizeLimit     int64    `json:"image_size_limit"`
				DescriptionLimit   int      `json:"description_limit"`
			} `json:"media_attachments"`
		} `json:"configuration"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&v); err != nil {
		return instanceLimits{}, fmt.Errorf("instance: %w", err)
	}
	st, media := v.Configuration.Statuses, v.Configuration.MediaAttachments
	lim := defaultLimits
	lim.mimeTypes = media.SupportedMIMETypes
	if st.MaxCharacters > 0 {
		lim.maxChars = st.MaxCharacters
	}
	if st.CharactersReservedPerURL > 0 {
		lim.urlLength = st.CharactersReservedPerURL
	}
	if st.MaxMediaAttachments != nil && *st.MaxMediaAttachments >= 0 {
		lim.maxMedia = *st.MaxMediaAttachments
	}
	if media.ImageSizeLimit > 0 {
		lim.imageSizeLimit = media.ImageSizeLimit
	}
	if media.DescriptionLimit > 0 {
		lim.descriptionLimit = media.DescriptionLimit
	}
	return lim, nil
}
