package config

import (
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// Defaults, applied to fields left empty.
const (
	DefaultStorage     = "sqlite:crier.db"
	DefaultSchedule    = "*/10 * * * *"
	DefaultTimezone    = "UTC"
	DefaultAPIEndpoint = "https://api.telegram.org/bot%s/%s"
	DefaultMaxBytes    = 10 << 20
	DefaultVisibility  = "public"
)

// DefaultTemplate names the embedded template each publisher uses unless the
// target picks another.
var DefaultTemplate = map[string]string{
	PublisherTelegram: "telegram.html.tmpl",
	PublisherMastodon: "mastodon.txt.tmpl",
	PublisherConsole:  "console.txt.tmpl",
}

// DefaultSummary is each publisher's summary budget: Telegram posts can
// carry a paragraph, Mastodon's 500 characters hold a sentence or two.
var DefaultSummary = map[string]Summary{
	PublisherTelegram: {Sentences: 4, Chars: 700},
	PublisherMastodon: {Sentences: 2, Chars: 280},
	PublisherConsole:  {Sentences: 3, Chars: 500},
}

// How the bot receives updates.
const (
	UpdatesPolling = "polling"
	UpdatesWebhook = "webhook"
	UpdatesOff     = "off"
)

// DefaultLanguages are the languages detected when a source states none.
var DefaultLanguages = []string{"en", "tr", "ru", "hy"}

func (c *Config) applyDefaults() {
	if c.Storage == "" {
		c.Storage = DefaultStorage
	}
	if c.Schedule == "" {
		c.Schedule = DefaultSchedule
	}
	if c.Timezone == "" {
		c.Timezone = DefaultTimezone
	}
	if c.Template != "" {
		c.Template = c.abs(c.Template)
	}
	if c.Fetch.Timeout == 0 {
		c.Fetch.Timeout = Duration(30 * time.Second)
	}
	if c.Fetch.Concurrency == 0 {
		c.Fetch.Concurrency = 16
	}
	if c.Fetch.MaxBackoff == 0 {
		c.Fetch.MaxBackoff = Duration(6 * time.Hour)
	}
	if c.Fetch.PauseAfter == 0 {
		c.Fetch.PauseAfter = 10
	}
	if c.Fetch.MaxBytes == 0 {
		c.Fetch.MaxBytes = DefaultMaxBytes
	}
	if c.Delivery.MaxAttempts == 0 {
		c.Delivery.MaxAttempts = 12
	}
	if c.Delivery.MaxBackoff == 0 {
		c.Delivery.MaxBackoff = Duration(30 * time.Minute)
	}
	if c.Delivery.Timeout == 0 {
		c.Delivery.Timeout = Duration(30 * time.Second)
	}
	if len(c.Languages) == 0 {
		c.Languages = append([]string(nil), DefaultLanguages...)
	}
	if c.Log.Level == "" {
		c.Log.Level = "info"
	}
	if c.Log.Format == "" {
		c.Log.Format = "text"
	}
	if c.Cluster.Lease == 0 {
		c.Cluster.Lease = Duration(15 * time.Second)
	}
	if c.Dedupe.Window == 0 {
		c.Dedupe.Window = Duration(48 * time.Hour)
	}
	if c.Dedupe.Similarity == 0 {
		c.Dedupe.Similarity = 0.35
	}
	if c.Telegram.Updates == "" {
		c.Telegram.Updates = UpdatesPolling
	}
	if c.Telegram.MaxAddedSources == 0 {
		c.Telegram.MaxAddedSources = 1000
	}
	if c.Telegram.APIEndpoint == "" {
		c.Telegram.APIEndpoint = DefaultAPIEndpoint
	}
	if path, ok := strings.CutPrefix(c.Storage.Value(), "sqlite:"); ok && path != "" && path != ":memory:" {
		c.Storage = Storage("sqlite:" + c.abs(path))
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		if s.Name == "" {
			s.Name = s.ID
		}
		s.URL = c.resolveFileURL(s.URL)
		if s.FullText == "" {
			s.FullText = FullTextAuto
		}
	}
	for i := range c.Targets {
		t := &c.Targets[i]
		if t.Template == "" {
			t.Template = DefaultTemplate[t.Publisher]
		}
		if def, ok := DefaultSummary[t.Publisher]; ok {
			if t.Summary.Sentences == 0 {
				t.Summary.Sentences = def.Sentences
			}
			if t.Summary.Chars == 0 {
				t.Summary.Chars = def.Chars
			}
		}
		if t.Publisher == PublisherMastodon && t.Visibility == "" {
			t.Visibility = DefaultVisibility
		}
		if t.Publisher == PublisherTelegram && t.ImageLayout == "" {
			t.ImageLayout = ImageCaption
		}
	}
}

// resolveFileURL turns "file:relative/path" into an absolute file:// URL
// anchored at the config's directory, so a config and its sample feeds can
// travel together. Anything else is returned unchanged.
func (c *Config) resolveFileURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "file" || u.Opaque == "" {
		return raw
	}
	p, err := url.PathUnescape(u.Opaque)
	if err != nil {
		return raw
	}
	abs := filepath.ToSlash(c.abs(filepath.FromSlash(p)))
	return (&url.URL{Scheme: "file", Path: abs}).String()
}
