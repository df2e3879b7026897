package model

import "time"

// Post is what a template renders: one item as a target will show it.
type Post struct {
	Title      string
	Summary    []string // sentences; the renderer may drop or cut the last ones to fit
	Link       string
	SourceName string
	Author     string
	Published  time.Time
	Tags       []string
}

// Format says how a message's text must be interpreted by the platform.
type Format string

const (
	FormatPlain Format = "plain"
	FormatHTML  Format = "html" // Telegram's parse_mode=HTML subset
)

// Message is a rendered post, ready for a publisher.
type Message struct {
	Text   string
	Format Format
	// IdempotencyKey lets a publisher make a resend harmless.
	IdempotencyKey string
}
