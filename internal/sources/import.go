package sources

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/opml"
	"github.com/crierhq/crier/internal/store"
)

// ErrBadURL refuses a list entry whose feed address is not http(s).
var ErrBadURL = errors.New("not an http or https address")

// maxURLLen refuses addresses no feed has: they would only bloat the store.
const maxURLLen = 2048

// ImportReport tells what Import did with each feed of a list.
type ImportReport struct {
	Added   []model.Source
	Known   []Known   // followed already (or twice in the list)
	Refused []Refusal // not added, with the reason
}

// Known is a feed of a list that a source follows already.
type Known struct {
	Feed opml.Feed
	ID   string
}

// Refusal is a feed of a list that was not added: Err is ErrBadURL or
// ErrMaxSources, wrapped.
type Refusal struct {
	Feed opml.Feed
	Err  error
}

// Import adds a list's feeds as sources added by command (by is the admin
// answering for them), keeping each one's title, category and web site.
// Unlike Add it fetches nothing: a list of hundreds of feeds imports in
// moments, and a feed that does not work shows up in its first polls, as
// any failing source does (/status). A feed already followed, however its
// address is written (SameFeed), is left as it is, so importing a list
// twice changes nothing the second time. Feeds beyond the cap on added
// sources are refused. The error is the store's, which stops the import
// with the report of what was done before.
func (s *Set) Import(ctx context.Context, feeds []opml.Feed, by int64) (ImportReport, error) {
	var rep ImportReport
	if by == 0 {
		return rep, errors.New("import sources: no admin named")
	}
	s.adding.Lock()
	defer s.adding.Unlock()
	followed, ids := s.index()
	count := s.addedCount()
	now := s.opts.Now().UTC().Truncate(time.Millisecond)
	var err error
	for _, f := range feeds {
		u, ok := feedURL(f.XMLURL)
		if !ok {
			rep.Refused = append(rep.Refused, Refusal{Feed: f, Err: fmt.Errorf("%w: %q", ErrBadURL, truncate(f.XMLURL, 200))})
			continue
		}
		if id, dup := followed[SameFeed(u)]; dup {
			rep.Known = append(rep.Known, Known{Feed: f, ID: id})
			continue
		}
		if count >= s.opts.Max {
			rep.Refused = append(rep.Refused, Refusal{Feed: f, Err: fmt.Errorf("%w: %d added by command already", ErrMaxSources, count)})
			continue
		}
		var src model.Source
		if src, err = s.store1(ctx, f, u, by, now, ids); err != nil {
			break
		}
		followed[SameFeed(u)] = src.ID
		rep.Added = append(rep.Added, src)
		count++
	}
	if len(rep.Added) > 0 {
		s.mu.Lock()
		s.list = append(slices.Clip(s.list), rep.Added...)
		onAdd := s.onAdd
		s.mu.Unlock()
		for _, src := range rep.Added {
			if onAdd != nil {
				onAdd(src)
			}
		}
	}
	return rep, err
}

// store1 names one feed of a list and stores it; ids are the ids taken,
// which it extends.
func (s *Set) store1(ctx context.Context, f opml.Feed, u string, by int64, now time.Time, ids map[string]bool) (model.Source, error) {
	name := strings.Join(strings.Fields(f.Title), " ")
	if name == "" {
		name = strings.TrimPrefix(hostOf(u), "www.")
	}
	src := model.Source{Name: truncate(name, 100), URL: u, AddedBy: by, AddedAt: now,
		Category: opml.CleanCategory(f.Category)}
	if site, ok := feedURL(f.HTMLURL); ok {
		src.SiteURL = site
	}
	for attempt := 0; ; attempt++ {
		src.ID = pickID(src.Name, u, func(id string) bool { return ids[id] })
		ids[src.ID] = true
		err := s.store.AddSource(ctx, src)
		if err == nil {
			return src, nil
		}
		// The store keeps the row of a source that left the config file:
		// its id is taken too.
		if !errors.Is(err, store.ErrExists) || attempt >= 5 {
			return model.Source{}, err
		}
	}
}

// index maps the sources' feeds (SameFeed) to their ids, and lists the ids
// taken (by sources and targets): one pass instead of one per list entry.
func (s *Set) index() (followed map[string]string, ids map[string]bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	followed, ids = make(map[string]string, len(s.list)), make(map[string]bool, len(s.list))
	for _, src := range s.list {
		key := SameFeed(src.URL)
		if _, ok := followed[key]; !ok {
			followed[key] = src.ID
		}
		ids[src.ID] = true
	}
	for _, id := range s.opts.Reserved {
		ids[id] = true
	}
	return followed, ids
}

// feedURL accepts an http(s) address with a host, trimmed.
func feedURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURLLen {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	return u.String(), true
}

// AsFeeds lists sources as the feeds of an OPML list, for export: title,
// feed, web site and category.
func AsFeeds(list []model.Source) []opml.Feed {
	out := make([]opml.Feed, 0, len(list))
	for _, src := range list {
		out = append(out, opml.Feed{Title: src.Name, XMLURL: src.URL, HTMLURL: src.SiteURL, Category: src.Category})
	}
	return out
}

// PublicFeeds is AsFeeds for a list that leaves the operator's hands (the
// bot's /export, which an admin may run in a group): credentials in a feed
// URL are dropped, and feeds read from local files are left out.
func PublicFeeds(list []model.Source) []opml.Feed {
	out := make([]opml.Feed, 0, len(list))
	for _, f := range AsFeeds(list) {
		u, err := url.Parse(f.XMLURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		u.User = nil
		f.XMLURL = u.String()
		if h, err := url.Parse(f.HTMLURL); err == nil && h.User != nil {
			h.User = nil
			f.HTMLURL = h.String()
		}
		out = append(out, f)
	}
	return out
}
