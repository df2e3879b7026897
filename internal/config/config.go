// Package config loads crier's one YAML file: typed defaults, ${ENV}
// expansion, *_file secrets, and a validation that reports every problem at
// once with its path.
package config

import "time"

// Config is the whole configuration of one crier process.
type Config struct {
	// Storage selects the store: "sqlite:PATH" (relative paths are resolved
	// against the config file's directory).
	Storage  string   `yaml:"storage"`
	Schedule string   `yaml:"schedule"`  // default cron expression for sources
	Timezone string   `yaml:"timezone"`  // IANA name the schedules run in
	Template string   `yaml:"templates"` // optional directory overriding the embedded templates
	Fetch    Fetch    `yaml:"fetch"`
	Delivery Delivery `yaml:"delivery"`
	Telegram Telegram `yaml:"telegram"`
	Sources  []Source `yaml:"sources"`
	Targets  []Target `yaml:"targets"`

	// Dir is the directory of the config file; relative paths are resolved
	// against it during Load.
	Dir string `yaml:"-"`
	// Location is Timezone, loaded.
	Location *time.Location `yaml:"-"`
}

// Fetch tunes how feeds are downloaded.
type Fetch struct {
	Timeout   Duration `yaml:"timeout"`    // whole request, default 30s
	MaxBytes  int64    `yaml:"max_bytes"`  // body cap after decompression, default 10 MiB
	UserAgent string   `yaml:"user_agent"` // default "crier/VERSION (+https://github.com/crierhq/crier)"
	// Concurrency bounds the polls running at once, default 16.
	Concurrency int `yaml:"concurrency"`
}

// Delivery tunes the outbox worker.
type Delivery struct {
	MaxAttempts int      `yaml:"max_attempts"` // transient failures before a delivery is failed, default 12
	MaxBackoff  Duration `yaml:"max_backoff"`  // cap of the exponential backoff, default 30m
	Timeout     Duration `yaml:"timeout"`      // one platform request, default 30s
}

// Telegram holds the bot's credentials, shared by every telegram target.
type Telegram struct {
	Token       Secret  `yaml:"token"`
	TokenFile   string  `yaml:"token_file"`
	APIEndpoint string  `yaml:"api_endpoint"` // fmt pattern with the token then the method
	Admins      []int64 `yaml:"admins"`
}

// Source is one feed to watch.
type Source struct {
	ID       string `yaml:"id"`
	Name     string `yaml:"name"`
	URL      string `yaml:"url"`
	Schedule string `yaml:"schedule"`
	Language string `yaml:"language"`
	Backfill int    `yaml:"backfill"`
}

// Target is one place posts go to.
type Target struct {
	ID        string   `yaml:"id"`
	Publisher string   `yaml:"publisher"` // telegram | mastodon | console
	Sources   []string `yaml:"sources"`   // default: every source
	Template  string   `yaml:"template"`  // default per publisher
	// SummaryChars caps the summary before the platform's own limit applies.
	SummaryChars int `yaml:"summary_chars"`

	// telegram
	Chat                  string `yaml:"chat"` // "@channel" or a numeric chat id
	DisableWebPagePreview bool   `yaml:"disable_web_page_preview"`

	// mastodon
	Server     string `yaml:"server"`
	Token      Secret `yaml:"token"`
	TokenFile  string `yaml:"token_file"`
	Visibility string `yaml:"visibility"` // public | unlisted | private | direct
	Language   string `yaml:"language"`
}

// Publisher names.
const (
	PublisherTelegram = "telegram"
	PublisherMastodon = "mastodon"
	PublisherConsole  = "console"
)

// TargetsFor lists the targets that receive the items of a source.
func (c *Config) TargetsFor(sourceID string) []Target {
	var out []Target
	for _, t := range c.Targets {
		if t.Follows(sourceID) {
			out = append(out, t)
		}
	}
	return out
}

// Follows reports whether the target receives the source's items.
func (t Target) Follows(sourceID string) bool {
	if len(t.Sources) == 0 {
		return true
	}
	for _, s := range t.Sources {
		if s == sourceID {
			return true
		}
	}
	return false
}

// SourceByID finds a source by its id.
func (c *Config) SourceByID(id string) (Source, bool) {
	for _, s := range c.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}
