package model

import "time"

// Source is a news feed that crier polls.
type Source struct {
	ID       string
	Name     string
	URL      string
	Schedule string // cron expression; empty means the global default
	Language string // ISO 639-1 hint; empty means unknown
	Backfill int    // items to post on the very first poll (0: mark all seen)
	FullText string // auto | always | never: when the article page is read
	// Category files the source in OPML exports: a folder path such as
	// "Tech/Go". SiteURL is the feed's web site, as an imported list gave
	// it (kept for exports).
	Category string
	SiteURL  string
	// AddedBy is the Telegram user id of the admin who added the source by
	// command (0: it comes from the config file). Such a source's URL came
	// from a chat, so it is fetched over http(s) only, from public
	// addresses only.
	AddedBy int64
	AddedAt time.Time
}

// FetchState is what crier remembers about a source between polls.
type FetchState struct {
	ETag         string
	LastModified string
	// Initialized is set once the source's first successful poll has been
	// recorded; until then its items are marked seen instead of posted.
	Initialized       bool
	LastPolledAt      time.Time
	LastSuccessAt     time.Time
	LastNewItemAt     time.Time
	ConsecutiveErrors int
	LastError         string
	// RetryAt holds a failing source back until then (backoff, or the
	// server's Retry-After).
	RetryAt time.Time
	// PausedReason is why the source was paused after failing too often;
	// a paused source is not polled until resumed.
	PausedReason string
	PausedAt     time.Time
	// MovedTo replaces the configured URL MovedFrom after a permanent
	// redirect, as long as the config still names MovedFrom.
	MovedFrom, MovedTo string
}
