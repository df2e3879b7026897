// Package sources is the live set of sources a process polls: the ones the
// config file declares, then the ones admins added by bot command, which
// live in the store. It checks what an admin adds (a URL from a chat: fetched
// once, its feed discovered, duplicates refused) and tells the scheduler
// what came and went.
//
// How the two kinds merge:
//   - The config file's sources come first, in file order; added ones follow,
//     oldest first. Ids share one namespace with targets.
//   - An added source's id is made from its name (or its host) and never
//     taken from a configured source or target; if the config file later
//     declares a source with that id, the file's wins and the added one
//     becomes a configured source.
//   - A restart keeps added sources (they are in the store) and re-reads
//     the config file's. Removing a configured source by command is refused:
//     the file would bring it back; edit the file instead.
package sources

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
)

// Store is what the set keeps in the store.
type Store interface {
	AddSource(ctx context.Context, src model.Source) error
	AddedSources(ctx context.Context) ([]model.Source, error)
	RemoveSource(ctx context.Context, id string) error
}

// Discoverer validates a URL as a feed, finding a web page's feed.
type Discoverer interface {
	Discover(ctx context.Context, rawURL string) (feeds.Found, error)
}

// DuplicateError refuses a source that is already followed.
type DuplicateError struct{ ID, URL string }

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("%s is already followed as %s", e.URL, e.ID)
}

// ErrMaxSources refuses an addition beyond the configured cap.
var ErrMaxSources = errors.New("too many sources")

// Options configure a set.
type Options struct {
	// Configured are the config file's sources (the set takes the slice
	// over); Reserved the other ids an added source must not take
	// (targets).
	Configured []model.Source
	Reserved   []string
	// Max caps the sources added by command (0: 1000).
	Max int
	Now func() time.Time
	Log *slog.Logger
}

// Set is the live set of sources.
type Set struct {
	store Store
	disc  Discoverer
	opts  Options

	mu sync.RWMutex
	// list is never written in place once Load returns: a change makes a
	// new slice, so All hands out the current one without a copy (at
	// 10,000 sources a copy per cycle was a megabyte and a half).
	list     []model.Source
	onAdd    func(model.Source)
	onRemove func(string)
	adding   sync.Mutex // one change at a time: the duplicate check holds
}

// Load builds the set: the configured sources, then the added ones the
// store holds (a configured id wins).
func Load(ctx context.Context, st Store, disc Discoverer, o Options) (*Set, error) {
	if o.Max <= 0 {
		o.Max = 1000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	s := &Set{store: st, disc: disc, list: slices.Clip(o.Configured)} // appends copy
	o.Configured = nil
	s.opts = o
	added, err := st.AddedSources(ctx)
	if err != nil {
		return nil, err
	}
	// By id and by feed, looked up once each: 1,000 added sources beside
	// 10,000 configured ones were ten million URL parses at every start.
	ids := make(map[string]bool, len(s.list)+len(added))
	feeds := make(map[string]string, len(s.list)+len(added))
	for _, src := range s.list {
		ids[src.ID] = true
		if k := SameFeed(src.URL); feeds[k] == "" {
			feeds[k] = src.ID
		}
	}
	for _, a := range added {
		if slices.Contains(o.Reserved, a.ID) {
			// The config file gave a target this id since: the target
			// wins, and the source waits, unpolled, for its removal.
			o.Log.Error("source added by command has the id of a configured target: not polled; remove it with /remove or rename the target",
				"source", a.ID, "url", a.URL)
			continue
		}
		if ids[a.ID] {
			continue // the config file declares it now
		}
		k := SameFeed(a.URL)
		if dup := feeds[k]; dup != "" {
			o.Log.Warn("source added by command polls the same feed as another", "source", a.ID, "same_as", dup, "url", a.URL)
		} else {
			feeds[k] = a.ID
		}
		ids[a.ID] = true
		s.list = append(s.list, a)
	}
	s.list = slices.Clip(s.list)
	return s, nil
}

// Watch registers what to do when a source is added or removed (the
// scheduler); call it before the set changes.
func (s *Set) Watch(onAdd func(model.Source), onRemove func(id string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onAdd, s.onRemove = onAdd, onRemove
}

// All lists the sources: configured first, then added, oldest first. The
// slice is shared: read it, never write it.
func (s *Set) All() []model.Source {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clip(s.list) // an append by a reader copies
}

// Get finds a source by id.
func (s *Set) Get(id string) (model.Source, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, src := range s.list {
		if src.ID == id {
			return src, true
		}
	}
	return model.Source{}, false
}

// Add checks a URL an admin gave and adds it as a source: http(s) only;
// fetched once (public addresses only, unless the fetcher allows private
// ones); a web page's announced feed is used; a URL or feed already followed
// is refused with a DuplicateError. name may be empty: the feed's title, or
// its host, names it.
func (s *Set) Add(ctx context.Context, rawURL, name string, by int64) (model.Source, error) {
	if by == 0 {
		return model.Source{}, errors.New("add source: no admin named")
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return model.Source{}, fmt.Errorf("%q is not an http or https address", rawURL)
	}
	s.adding.Lock()
	defer s.adding.Unlock()
	if n := s.addedCount(); n >= s.opts.Max {
		return model.Source{}, fmt.Errorf("%w: %d added by command already", ErrMaxSources, n)
	}
	if dup := s.following(u.String()); dup != "" {
		return model.Source{}, &DuplicateError{ID: dup, URL: u.String()}
	}
	found, err := s.disc.Discover(ctx, u.String())
	if err != nil {
		return model.Source{}, err
	}
	if dup := s.following(found.URL); dup != "" {
		return model.Source{}, &DuplicateError{ID: dup, URL: found.URL}
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		name = found.Title
	}
	if name == "" {
		name = strings.TrimPrefix(hostOf(found.URL), "www.")
	}
	name = truncate(name, 100)
	src := model.Source{Name: name, URL: found.URL, AddedBy: by, AddedAt: s.opts.Now().UTC().Truncate(time.Millisecond)}
	for attempt := 0; ; attempt++ {
		src.ID = s.freeID(name, found.URL)
		err := s.store.AddSource(ctx, src)
		if err == nil {
			break
		}
		// An id the store holds for a source outside the set (one that
		// left the config file keeps its row and history): take another.
		if !errors.Is(err, store.ErrExists) || attempt >= 5 {
			return model.Source{}, err
		}
		s.mu.Lock()
		s.opts.Reserved = append(s.opts.Reserved, src.ID)
		s.mu.Unlock()
	}
	s.mu.Lock()
	s.list = append(slices.Clip(s.list), src)
	onAdd := s.onAdd
	s.mu.Unlock()
	if onAdd != nil {
		onAdd(src)
	}
	return src, nil
}

// Remove deletes a source added by command, with its history and
// subscriptions; a configured source is refused (store.ErrConfigSource).
func (s *Set) Remove(ctx context.Context, id string) error {
	s.adding.Lock()
	defer s.adding.Unlock()
	// One the set does not poll (its id went to a configured target) is
	// still the store's to remove.
	if src, ok := s.Get(id); ok && src.AddedBy == 0 {
		return fmt.Errorf("source %s: %w", id, store.ErrConfigSource)
	}
	if err := s.store.RemoveSource(ctx, id); err != nil {
		return err
	}
	s.mu.Lock()
	s.list = without(s.list, func(x model.Source) bool { return x.ID == id })
	onRemove := s.onRemove
	s.mu.Unlock()
	if onRemove != nil {
		onRemove(id)
	}
	return nil
}

// Refresh catches up with the sources other processes sharing the store
// added or removed by command, telling the watcher of each change.
func (s *Set) Refresh(ctx context.Context) error {
	s.adding.Lock() // not between an addition's store write and its listing
	defer s.adding.Unlock()
	added, err := s.store.AddedSources(ctx)
	if err != nil {
		return err
	}
	var came []model.Source
	var went []string
	s.mu.Lock()
	stored := map[string]model.Source{}
	for _, a := range added {
		stored[a.ID] = a
	}
	// Gone, or removed and added again (same id, another URL): out first.
	gone := func(x model.Source) bool {
		a, ok := stored[x.ID]
		return x.AddedBy != 0 && (!ok || a.URL != x.URL || !a.AddedAt.Equal(x.AddedAt))
	}
	for _, x := range s.list {
		if gone(x) {
			went = append(went, x.ID)
		}
	}
	s.list = without(s.list, gone)
	have := make(map[string]bool, len(s.list))
	for _, x := range s.list {
		have[x.ID] = true
	}
	for _, a := range added {
		if slices.Contains(s.opts.Reserved, a.ID) || have[a.ID] {
			continue
		}
		have[a.ID] = true
		came = append(came, a)
	}
	if len(came) > 0 {
		s.list = append(slices.Clip(s.list), came...) // one copy, however many came
	}
	onAdd, onRemove := s.onAdd, s.onRemove
	s.mu.Unlock()
	for _, id := range went {
		if onRemove != nil {
			onRemove(id)
		}
	}
	for _, src := range came {
		if onAdd != nil {
			onAdd(src)
		}
	}
	return nil
}

// without is list less the sources drop picks, in a new slice when any
// is dropped (list itself may be in a reader's hands).
func without(list []model.Source, drop func(model.Source) bool) []model.Source {
	if !slices.ContainsFunc(list, drop) {
		return list
	}
	out := make([]model.Source, 0, len(list)-1)
	for _, src := range list {
		if !drop(src) {
			out = append(out, src)
		}
	}
	return out
}

func (s *Set) addedCount() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	for _, src := range s.list {
		if src.AddedBy != 0 {
			n++
		}
	}
	return n
}

// following returns the id of the source already polling rawURL, or "".
func (s *Set) following(rawURL string) string {
	key := SameFeed(rawURL)
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, src := range s.list {
		if SameFeed(src.URL) == key {
			return src.ID
		}
	}
	return ""
}

// SameFeed reduces a feed address to what tells feeds apart: scheme, a
// leading "www.", default ports, a trailing slash, a fragment and the case
// of the host do not.
func SameFeed(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" {
		return rawURL
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	key := host + path
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}

// freeID makes an id from a name (or the feed's host when the name has no
// Latin letters or digits) that no source or target uses.
func (s *Set) freeID(name, feedURL string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return pickID(name, feedURL, func(id string) bool {
		if slices.Contains(s.opts.Reserved, id) {
			return true
		}
		return slices.ContainsFunc(s.list, func(x model.Source) bool { return x.ID == id })
	})
}

// pickID makes an id from a name, or the feed's host, that taken refuses.
func pickID(name, feedURL string, taken func(string) bool) string {
	base := slug(name)
	if base == "" {
		base = slug(strings.TrimPrefix(hostOf(feedURL), "www."))
	}
	if base == "" {
		base = "source"
	}
	id := base
	for n := 2; taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// slug keeps a name's ASCII letters and digits, lower-cased, joined by
// single dashes, at most 40 characters: a valid id.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String()[:min(b.Len(), 40)], "-")
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
