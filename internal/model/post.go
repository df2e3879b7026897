package model

import (
	"context"
	"time"
)

// Post is what a template renders: one item as a target will show it.
type Post struct {
	Title      string
	Summary    []string // sentences; the renderer may drop or cut the last ones to fit
	Link       string
	SourceName string
	// Origin is the original outlet when the source republished the story.
	Origin    string
	Language  string
	Author    string
	Published time.Time
	Tags      []string
	// Image is the lead image, zero if none (or the target shows none).
	Image Image
	// Hashtags end the post, without '#', most important first: the
	// renderer drops them from the end when room runs out.
	Hashtags []string
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
	// Language is the post's ISO 639-1 code, "" if unknown.
	Language string
	// Image is the lead image to post with the text, zero if none.
	Image Image
	// Caption is the post rendered to fit a media caption (Telegram's
	// 1,024 characters), "" when it cannot fit or the platform takes the
	// text itself with its media.
	Caption string
}

// ImageData is an image downloaded for upload.
type ImageData struct {
	Bytes       []byte
	ContentType string // as sniffed, e.g. image/jpeg
	Name        string // a file name for the upload, e.g. image.jpg
}

// ImageFetcher downloads an image of at most maxBytes for upload, from
// public addresses only (the URL came from a feed).
type ImageFetcher func(ctx context.Context, url string, maxBytes int64) (ImageData, error)

// PostOf is the post for an item of the named source. An item without a
// title (some feeds have only descriptions) takes its first sentence as the
// title, so no post opens with an empty headline.
func PostOf(it Item, sourceName string) Post {
	p := Post{Title: it.Title, Summary: it.Summary, Link: it.Link, SourceName: sourceName,
		Origin: it.Origin, Language: it.Language, Author: it.Author, Published: it.Published, Tags: it.Tags,
		Image: it.Image}
	if p.Title == "" && len(p.Summary) > 0 {
		p.Title, p.Summary = p.Summary[0], p.Summary[1:]
	}
	return p
}
