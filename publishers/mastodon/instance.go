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
	DefaultMaxCharacters = 500
	DefaultURLLength     = 23
)

type instanceLimits struct {
	maxChars  int
	urlLength int
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
	fallback := instanceLimits{maxChars: DefaultMaxCharacters, urlLength: DefaultURLLength}
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
				MaxCharacters            int `json:"max_characters"`
				CharactersReservedPerURL int `json:"characters_reserved_per_url"`
			} `json:"statuses"`
		} `json:"configuration"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&v); err != nil {
		return instanceLimits{}, fmt.Errorf("instance: %w", err)
	}
	lim := instanceLimits{maxChars: v.Configuration.Statuses.MaxCharacters, urlLength: v.Configuration.Statuses.CharactersReservedPerURL}
	if lim.maxChars <= 0 {
		lim.maxChars = DefaultMaxCharacters
	}
	if lim.urlLength <= 0 {
		lim.urlLength = DefaultURLLength
	}
	return lim, nil
}
