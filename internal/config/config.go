// Package config loads crier's one YAML file: typed defaults, ${ENV}
// expansion, *_file secrets, and a validation that reports every problem at
// once with its path.
package config

import (
	"time"

	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/hashtag"
)

// Config is the whole configuration of one crier process.
type Config struct {
	// Storage selects the store: "sqlite:PATH" (relative paths are resolved
	// against the config file's directory).
	Storage  Storage  `yaml:"storage,omitempty"`
	Schedule string   `yaml:"schedule,omitempty"`  // default cron expression for sources
	Timezone string   `yaml:"timezone,omitempty"`  // IANA name the schedules run in
	Template string   `yaml:"templates,omitempty"` // optional directory overriding the embedded templates
	Fetch    Fetch    `yaml:"fetch,omitempty"`
	Delivery Delivery `yaml:"delivery,omitempty"`
	// Languages are the languages crier may detect in a source that does not
	// state its own (ISO 639-1), default en, tr, ru, hy.
	Languages []string `yaml:"languages,omitempty"`
	Dedupe    Dedupe   `yaml:"dedupe,omitempty"`
	Cluster   Cluster  `yaml:"cluster,omitempty"`
	Telegram  Telegram `yaml:"telegram,omitempty"`
	HTTP      HTTP     `yaml:"http,omitempty"`
	Log       Log      `yaml:"log,omitempty"`
	Sources   []Source `yaml:"sources,omitempty"`
	Targets   []Target `yaml:"targets,omitempty"`

	// Dir is the directory of the config file; relative paths are resolved
	// against it during Load.
	Dir string `yaml:"-"`
	// Location is Timezone, loaded.
	Location *time.Location `yaml:"-"`
}

// Fetch tunes how feeds are downloaded.
type Fetch struct {
	Timeout   Duration `yaml:"timeout,omitempty"`    // whole request, default 30s
	MaxBytes  int64    `yaml:"max_bytes,omitempty"`  // body cap after decompression, default 10 MiB
	UserAgent string   `yaml:"user_agent,omitempty"` // default "crier/VERSION (+https://github.com/crierhq/crier)"
	// Concurrency bounds the polls running at once, default 16.
	Concurrency int `yaml:"concurrency,omitempty"`
	// A failing source waits 1m, doubling with each failure up to
	// MaxBackoff (default 6h), or longer if the server says so with
	// Retry-After; it is paused after PauseAfter failures in a row
	// (default 10; negative: never).
	MaxBackoff Duration `yaml:"max_backoff,omitempty"`
	PauseAfter int      `yaml:"pause_after,omitempty"`
	// AllowPrivatePages lets article pages come from loopback, private and
	// link-local addresses (default off: a feed must not make crier read
	// its own network through an item link).
	AllowPrivatePages bool `yaml:"allow_private_pages,omitempty"`
	// AllowNetworks lets article pages and feeds added from chats come
	// from these private networks only (CIDR, as 10.20.0.0/16), where
	// allow_private_pages would open all of them.
	AllowNetworks []string `yaml:"allow_networks,omitempty"`
}

// Delivery tunes the outbox worker.
type Delivery struct {
	MaxAttempts int      `yaml:"max_attempts,omitempty"` // transient failures before a delivery is failed, default 12
	MaxBackoff  Duration `yaml:"max_backoff,omitempty"`  // cap of the exponential backoff, default 30m
	Timeout     Duration `yaml:"timeout,omitempty"`      // one platform request, default 30s
	// Lease is how long a claimed delivery belongs to this process; after a
	// crash, its claims return to the pool when it ends (default 5m).
	Lease Duration `yaml:"lease,omitempty"`
}

// Cluster tunes how replicas sharing one PostgreSQL store split the work.
type Cluster struct {
	// Lease is how long a singleton job (the bot's getUpdates loop)
	// belongs to a process without renewal: when that process dies,
	// another takes over within it (default 15s).
	Lease Duration `yaml:"lease,omitempty"`
}

// Dedupe tunes cross-source duplicate detection: the same story from two
// sources is posted once per target.
type Dedupe struct {
	Disabled bool     `yaml:"disabled,omitempty"`
	Window   Duration `yaml:"window,omitempty"` // how far back copies are looked for, default 48h
	// Similarity is the estimated Jaccard similarity of title and lede
	// (word bigrams) from which two items are one story, default 0.35.
	Similarity float64 `yaml:"similarity,omitempty"`
}

// Summary is how long a target's summary may be; the platform's own limit
// may cut it further, always at whole sentences.
type Summary struct {
	Sentences int `yaml:"sentences,omitempty"`
	Chars     int `yaml:"chars,omitempty"` // runes
}

// Telegram holds the bot's credentials, shared by every telegram target.
type Telegram struct {
	Token       Secret  `yaml:"token,omitempty"`
	TokenFile   string  `yaml:"token_file,omitempty"`
	APIEndpoint string  `yaml:"api_endpoint,omitempty"` // fmt pattern with the token then the method
	Admins      []int64 `yaml:"admins,omitempty"`
	// Limits are the sending rates crier keeps to; zero fields take
	// Telegram's published limits. Raise them only for a self-hosted Bot
	// API server or paid broadcasts.
	Limits TelegramLimits `yaml:"limits,omitempty"`
	// Updates is how the bot receives commands: polling (getUpdates, the
	// default), webhook (Telegram posts them to http.listen, see Webhook)
	// or off (the token only posts; another program reads it).
	Updates string          `yaml:"updates,omitempty"`
	Webhook TelegramWebhook `yaml:"webhook,omitempty"`
	// MaxAddedSources caps the sources admins may add with /add (default
	// 1000).
	MaxAddedSources int `yaml:"max_added_sources,omitempty"`
}

// TelegramWebhook is where Telegram sends updates in webhook mode.
type TelegramWebhook struct {
	// URL is the public https address Telegram posts to (ports 443, 80,
	// 88 or 8443); a reverse proxy forwards it to http.listen, and crier
	// serves the URL's path.
	URL string `yaml:"url,omitempty"`
	// Secret is sent by Telegram in the X-Telegram-Bot-Api-Secret-Token
	// header of every request: 1-256 characters A-Z, a-z, 0-9, _ and -.
	Secret     Secret `yaml:"secret,omitempty"`
	SecretFile string `yaml:"secret_file,omitempty"`
}

// Log is how crier logs, to stderr.
type Log struct {
	Level  string `yaml:"level,omitempty"`  // debug, info (default), warn or error
	Format string `yaml:"format,omitempty"` // text (default) or json
}

// HTTP is crier's own HTTP listener, off when Listen is empty.
type HTTP struct {
	Listen string `yaml:"listen,omitempty"` // host:port, as in 127.0.0.1:8080
}

// TelegramLimits mirror Telegram's rate limits.
type TelegramLimits struct {
	PerChatInterval Duration `yaml:"per_chat_interval,omitempty"` // default 1s
	PerChatBurst    int      `yaml:"per_chat_burst,omitempty"`    // default 2
	GroupMessages   int      `yaml:"group_messages,omitempty"`    // per group_window, default 20
	GroupWindow     Duration `yaml:"group_window,omitempty"`      // default 1m
	GlobalMessages  int      `yaml:"global_messages,omitempty"`   // per global_window, default 30
	GlobalWindow    Duration `yaml:"global_window,omitempty"`     // default 1s
}

// Source is one feed to watch.
type Source struct {
	ID       string `yaml:"id,omitempty"`
	Name     string `yaml:"name,omitempty"`
	URL      string `yaml:"url,omitempty"`
	Schedule string `yaml:"schedule,omitempty"`
	Language string `yaml:"language,omitempty"`
	Backfill int    `yaml:"backfill,omitempty"`
	// FullText decides when the article page is fetched for its text:
	// auto (when the feed carries only a teaser, the default), always or
	// never.
	FullText string `yaml:"full_text,omitempty"`
	// Category files the source in OPML exports: a folder path such as
	// "Tech/Go" ("/" separates the levels).
	Category string `yaml:"category,omitempty"`
	// Filters decide which of the source's items are posted, to every
	// target that follows it.
	Filters filter.Rules `yaml:"filters,omitempty"`
}

// Full-text modes.
const (
	FullTextAuto   = "auto"
	FullTextAlways = "always"
	FullTextNever  = "never"
)

// Target is one place posts go to.
type Target struct {
	ID        string   `yaml:"id,omitempty"`
	Publisher string   `yaml:"publisher,omitempty"` // telegram | mastodon | console
	Sources   []string `yaml:"sources,omitempty"`   // default: every source
	Template  string   `yaml:"template,omitempty"`  // default per publisher
	// Summary caps the summary before the platform's own limit applies;
	// the default depends on the publisher.
	Summary Summary `yaml:"summary,omitempty"`
	// Filters decide which items this target gets, after the source's own.
	Filters filter.Rules `yaml:"filters,omitempty"`
	// Hashtags end each post: fixed ones and the item's categories.
	Hashtags hashtag.Options `yaml:"hashtags,omitempty"`

	// Images says whether posts show the item's lead image (default true
	// on telegram and mastodon; console targets never do).
	Images *bool `yaml:"images,omitempty"`

	// telegram
	Chat                  string `yaml:"chat,omitempty"` // "@channel" or a numeric chat id
	DisableWebPagePreview bool   `yaml:"disable_web_page_preview,omitempty"`
	// ImageLayout is how a post with an image is sent: caption (the photo
	// with the post as its caption, the summary shortened to fit 1,024
	// characters; photo then text when even the title cannot fit, the
	// default), photo_then_text (the photo, then the whole post as a
	// message) or preview (one message whose link preview shows the
	// image).
	ImageLayout string `yaml:"image_layout,omitempty"`

	// mastodon
	Server     string `yaml:"server,omitempty"`
	Token      Secret `yaml:"token,omitempty"`
	TokenFile  string `yaml:"token_file,omitempty"`
	Visibility string `yaml:"visibility,omitempty"` // public | unlisted | private | direct
	Language   string `yaml:"language,omitempty"`
}

// Image layouts of telegram targets.
const (
	ImageCaption       = "caption"
	ImagePhotoThenText = "photo_then_text"
	ImagePreview       = "preview"
)

// ShowsImages reports whether the target's posts carry lead images.
func (t Target) ShowsImages() bool {
	if t.Publisher != PublisherTelegram && t.Publisher != PublisherMastodon {
		return false
	}
	return t.Images == nil || *t.Images
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

// HasTarget reports whether the config has a target with that id.
func (c *Config) HasTarget(id string) bool {
	for _, t := range c.Targets {
		if t.ID == id {
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
