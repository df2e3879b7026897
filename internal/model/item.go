package model

import "time"

// ItemState tells what the pipeline still has to do with a stored item.
type ItemState string

const (
	// ItemSeen items were present when the source was first polled (or skipped)
	// and are never posted.
	ItemSeen ItemState = "seen"
	// ItemNew items await summarising and enqueueing.
	ItemNew ItemState = "new"
	// ItemQueued items have their deliveries enqueued.
	ItemQueued ItemState = "queued"
)

// Item is one entry of a feed.
type Item struct {
	ID        int64 // store id, 0 until stored
	SourceID  string
	Key       string // unique per source: GUID, normalised link or a hash
	GUID      string
	Title     string
	Link      string
	Author    string
	Content   string // HTML or text as the feed gave it
	Published time.Time
	Tags      []string
	State     ItemState
	// Summary holds the summary's sentences, in order, once summarised.
	Summary []string
	// Origin is the outlet the text names as the story's original publisher
	// when the source republished it ("Reuters" in "Reuters via Aggregator").
	Origin string
	// Language is the item's ISO 639-1 code: the source's, else detected.
	Language string
	// DuplicateOf is the id of an earlier item telling the same story, 0 if none.
	DuplicateOf int64
	// Image is the item's lead image, zero if it has none.
	Image Image
}

// Image is a post's lead image: where it is, and words for those who
// cannot see it.
type Image struct {
	URL string
	// Alt is the image's caption or alt text, "" if it had none (the
	// publisher falls back to the title).
	Alt string
}
