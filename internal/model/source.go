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
}
