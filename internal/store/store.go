// Package store declares the persistence crier needs. The store is the single
// source of truth: several replicas may share one, so every state change is a
// single transaction and idempotency is enforced by unique keys, not by
// process memory. Implementations: store/sqlite (and later store/postgres);
// both pass the same suite in store/storetest.
package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
)

// ErrNotFound is returned when a named row does not exist.
var ErrNotFound = errors.New("not found")

// ErrExists is returned when adding a row whose id is taken.
var ErrExists = errors.New("already exists")

// ErrConfigSource refuses to remove, by command, a source the config file
// declares: the file would bring it back on the next start.
var ErrConfigSource = errors.New("declared in the config file")

// ErrSourceReset refuses a poll's items when the source was reset (removed
// and added again, or given a new URL) while the poll ran: the poll took
// items for new that the reset source must record as seen.
var ErrSourceReset = errors.New("the source was reset during the poll")

// PostedSource is the source of the articles admins post by URL (/post):
// not a feed, never polled, never listed. Its id cannot collide with a
// configured one (':' is not allowed in ids).
const PostedSource = "crier:posted"

// Target is what the store knows of a configured target.
type Target struct {
	ID        string
	Publisher string
}

// ChatTargetPrefix starts the id of a subscriber chat's target:
// "chat:123456".
const ChatTargetPrefix = "chat:"

// ChatTarget is the target id of a subscriber chat.
func ChatTarget(chatID int64) string { return ChatTargetPrefix + strconv.FormatInt(chatID, 10) }

// ChatOfTarget returns the chat id of a subscriber chat's target id.
func ChatOfTarget(id string) (int64, bool) {
	rest, ok := strings.CutPrefix(id, ChatTargetPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(rest, 10, 64)
	return n, err == nil
}

// TargetState is what the store remembers of a target besides its
// deliveries.
type TargetState struct {
	// PausedReason is why the target was paused ("" when it is not);
	// paused targets are never claimed for.
	PausedReason string
	PausedAt     time.Time
	// MovedTo replaces the configured address MovedFrom (a Telegram group
	// upgraded to a supergroup). It no longer applies once the configured
	// address changes.
	MovedFrom, MovedTo string
}

// Enqueue is an item ready to be posted.
type Enqueue struct {
	ItemID   int64
	Summary  []string
	Origin   string
	Language string
	// Image is the item's lead image as the pipeline chose it (zero:
	// none), replacing what the feed declared.
	Image   model.Image
	Targets []string
	// Story, when set, fingerprints the item for cross-source duplicate
	// detection.
	Story *Story
	// Skip names the targets whose filters refused the item, with the
	// reason (FilteredPrefix first): they get a skipped delivery, so the
	// decision is recorded and never taken again.
	Skip map[string]string
}

// FilteredPrefix starts the reason of a delivery skipped by a filter, as
// "filtered: target news filters.exclude[0]: keyword "ad" in title".
const FilteredPrefix = "filtered: "

// Story identifies an item's story. The store finds earlier stories sharing
// a band, enqueued since Since, and asks Same to compare fingerprints; the
// earliest match is the original.
type Story struct {
	Print []byte
	Bands []int64
	Since time.Time
	Same  func(print []byte) bool
}

// Enqueued tells what EnqueueDeliveries did.
type Enqueued struct {
	Created     int   // pending deliveries
	Skipped     int   // deliveries skipped as duplicates
	Filtered    int   // deliveries skipped by filters
	DuplicateOf int64 // the earlier item telling the same story, 0 if none
}

// ItemTrace is an item with every delivery made of it, for admins asking
// why a post went where it did.
type ItemTrace struct {
	Item       model.Item // with its State and DuplicateOf
	SourceName string
	// Deliveries are by target id: State, LastError, Attempts, NextAt and
	// RemoteID are set (Item is not).
	Deliveries []model.Delivery
}

// Duplicate is an item recorded as telling the story of an earlier one.
type Duplicate struct {
	Item, Original             model.Item
	SourceName, OriginalSource string
	Skipped                    int // targets that did not get it again
}

// Store is the persistence contract shared by every engine.
type Store interface {
	// SyncSources upserts the configured sources (name, URL); rows of
	// sources that left the config are kept with their history.
	// A configured source takes over an added one with the same id.
	SyncSources(ctx context.Context, sources []model.Source) error
	// AddSource stores a source an admin added by command (AddedBy set);
	// ErrExists when its id is taken. AddedSources lists them, oldest
	// first. RemoveSource deletes one with its items, deliveries and
	// subscriptions: ErrNotFound when there is none, ErrConfigSource for a
	// source of the config file.
	AddSource(ctx context.Context, src model.Source) error
	AddedSources(ctx context.Context) ([]model.Source, error)
	RemoveSource(ctx context.Context, id string) error
	// SyncTargets upserts the configured targets. Targets that left the
	// config keep their rows and deliveries, in case they come back.
	SyncTargets(ctx context.Context, targets []Target) error

	// PauseTarget stops deliveries to a target, keeping them pending, with
	// the reason; ResumeTarget lets them go again and reports whether the
	// target was paused.
	PauseTarget(ctx context.Context, id, reason string) error
	ResumeTarget(ctx context.Context, id string) (bool, error)
	// MoveTarget records that the target's address from moved to to.
	MoveTarget(ctx context.Context, id, from, to string) error
	// TargetStates returns the state of every known target.
	TargetStates(ctx context.Context) (map[string]TargetState, error)

	// FetchState returns what was remembered of the source's last polls.
	FetchState(ctx context.Context, sourceID string) (model.FetchState, error)
	// RecordFetchError counts a failed poll and holds the source back
	// until retryAt (a successful poll clears both).
	RecordFetchError(ctx context.Context, sourceID string, reason string, retryAt time.Time) error
	// PauseSource stops polling a source with the reason; ResumeSource
	// lets it be polled again at once, at its configured URL, and reports
	// whether it was paused.
	PauseSource(ctx context.Context, id, reason string) error
	ResumeSource(ctx context.Context, id string) (bool, error)
	// MoveSource records a permanent redirect of the source's URL.
	MoveSource(ctx context.Context, id, from, to string) error
	// SaveItems records a successful poll in one transaction: the fetch
	// validators, the poll times and the items not stored before (by
	// (source, key)). It returns the inserted items with their ids, in the
	// order given. An item's State decides whether it will be posted.
	// validators.Initialized is what the poll saw: when set and the
	// source has been reset since, nothing is saved (ErrSourceReset).
	SaveItems(ctx context.Context, sourceID string, validators model.FetchState, items []model.Item) ([]model.Item, error)
	// PendingItems lists items in state new (awaiting summary and fan-out),
	// oldest first; a crash between SaveItems and EnqueueDeliveries leaves
	// them here to be picked up again.
	PendingItems(ctx context.Context, sourceID string, limit int) ([]model.Item, error)
	// EnqueueDeliveries stores the item's summary, marks it queued and adds
	// one delivery per target, atomically. When the item tells a story
	// already enqueued (see Story), it is recorded as a duplicate of the
	// first item and the targets that have that story get a skipped
	// delivery instead of a pending one; so do the targets in Skip, with
	// their reason. A delivery skipped by a filter does not count as the
	// target having the story. Nothing is created when the item was
	// already queued.
	EnqueueDeliveries(ctx context.Context, e Enqueue) (Enqueued, error)

	// ClaimDeliveries leases due deliveries of the named targets for
	// sending: pending ones whose time has come and sending ones whose lease
	// expired, at most perTarget per target, and never a delivery queued
	// behind an earlier unsent one of the same target (posts keep their
	// order). They come back ordered by target, then enqueue order, each
	// with its claim token and lease end.
	ClaimDeliveries(ctx context.Context, targets []string, limit, perTarget int, lease time.Duration) ([]model.Delivery, error)
	// MarkSent records that the platform accepted the post.
	MarkSent(ctx context.Context, d model.Delivery, remoteID string) error
	// MarkRetry returns a delivery to pending, due at next; countAttempt is
	// false when the platform only asked to wait (a rate limit).
	MarkRetry(ctx context.Context, d model.Delivery, next time.Time, reason string, countAttempt bool) error
	// MarkFailed gives up on a delivery.
	MarkFailed(ctx context.Context, d model.Delivery, reason string) error
	// Release returns claimed deliveries to pending without counting an
	// attempt (a worker stopping, or keeping a target's order).
	Release(ctx context.Context, ds []model.Delivery) error
	// The Mark and Release methods return ErrNotFound when the claim is no
	// longer the caller's (its lease expired and another worker took it).

	// TraceItems finds items by store id (id > 0) or else by their exact
	// link, newest first, at most limit, each with its deliveries.
	TraceItems(ctx context.Context, id int64, link string, limit int) ([]ItemTrace, error)
	// FilteredCounts counts each target's deliveries skipped by filters.
	FilteredCounts(ctx context.Context) (map[string]int, error)

	// RecentDuplicates lists the latest items recorded as duplicates, newest
	// first.
	RecentDuplicates(ctx context.Context, limit int) ([]Duplicate, error)

	// RetryFailed puts a target's failed deliveries (every target's when
	// target is "") back to pending with fresh attempts; it returns how
	// many.
	RetryFailed(ctx context.Context, target string) (int, error)

	// BotOffset is the next Telegram update id the bot asks for;
	// SetBotOffset records it before the update is handled, so a restart
	// never runs a command twice. It never goes back, and reports whether
	// it moved: of two processes taking the same update, one handles it.
	BotOffset(ctx context.Context) (int64, error)
	SetBotOffset(ctx context.Context, offset int64) (bool, error)

	// AcquireLease takes or renews a named lease for holder for ttl and
	// reports whether holder has it (singleton jobs of several replicas);
	// ReleaseLease gives it up.
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	ReleaseLease(ctx context.Context, name, holder string) error
	// ReserveRate takes the next place in a rate shared by processes (one
	// event per interval, bursts of burst) and says how long to wait for
	// it; a place further than maxWait ahead is not taken, and the wait it
	// would need (more than maxWait) is returned. HoldRate pushes the
	// rate's next place to until.
	ReserveRate(ctx context.Context, key string, interval time.Duration, burst int, maxWait time.Duration) (time.Duration, error)
	HoldRate(ctx context.Context, key string, until time.Time, interval time.Duration, burst int) error
	// ClaimPoll takes a source's poll due at slot, for one process only.
	ClaimPoll(ctx context.Context, sourceID string, slot time.Time) (bool, error)
	// ChatLanguage is the language a chat chose ("" if none).
	ChatLanguage(ctx context.Context, chatID int64) (string, error)
	SetChatLanguage(ctx context.Context, chatID int64, lang string) error

	// Subscribe makes a chat follow a source (creating the chat's target)
	// and reports whether it is new; Unsubscribe ends it and reports
	// whether there was one. Subscriptions lists a chat's sources,
	// SubscriberTargets the targets of a source's subscribers, ChatTargets
	// every subscriber chat's target.
	Subscribe(ctx context.Context, chatID int64, sourceID string) (bool, error)
	Unsubscribe(ctx context.Context, chatID int64, sourceID string) (bool, error)
	Subscriptions(ctx context.Context, chatID int64) ([]string, error)
	SubscriberTargets(ctx context.Context, sourceID string) ([]string, error)
	ChatTargets(ctx context.Context) ([]string, error)

	// LastSent is when each target last had a post accepted.
	LastSent(ctx context.Context) (map[string]time.Time, error)
	// OpenDeliveries counts each target's pending and in-flight
	// deliveries (the queue's depth), cheaply.
	OpenDeliveries(ctx context.Context) (map[string]int, error)
	// DeliveryCounts counts deliveries by target and state.
	DeliveryCounts(ctx context.Context) (map[string]map[model.DeliveryState]int, error)

	Close() error
}
