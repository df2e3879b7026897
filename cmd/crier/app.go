package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/crierhq/crier/internal/config"
	"github.com/crierhq/crier/internal/dispatch"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/metrics"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
	"github.com/crierhq/crier/internal/sources"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/postgres"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/sqlstore"
	"github.com/crierhq/crier/publishers/console"
	"github.com/crierhq/crier/publishers/mastodon"
	"github.com/crierhq/crier/publishers/telegram"
	"github.com/crierhq/crier/templates"
)

// Main is one crier process, wired from a config: what `run` and `once`
// drive, and what tests start with a temp database and fake platforms.
type Main struct {
	cfg        *config.Config
	log        *slog.Logger
	store      *sqlstore.Store
	fetcher    *feeds.Fetcher
	sources    *sources.Set // the config file's, then those added by command
	templates  *templates.Set
	pipeline   *pipeline.Pipeline
	dispatcher *dispatch.Dispatcher
	tg         *telegram.Client // nil without a Telegram token
	now        func() time.Time
	holder     string // this process among replicas
	metrics    *metrics.Metrics
	filters    *filter.Table // the sources' and targets' rules, compiled
	ready      atomic.Bool   // schedules running and not stopping: /readyz
}

// Deps are the process's outside world.
type Deps struct {
	Stdout io.Writer // the console publisher's output
	Log    *slog.Logger
	Now    func() time.Time
}

// Open wires a process: opens and migrates the store, syncs the configured
// sources and targets into it, and builds the publishers.
//
// Main keeps a copy of cfg without its list of sources: the source set holds
// them from then on (at 10,000 sources the config's list was 1.6 MB of the
// heap, twice that in memory at Go's GC target).
func Open(ctx context.Context, cfg *config.Config, deps Deps) (*Main, error) {
	own := *cfg
	cfg = &own
	defer func() { own.Sources = nil }()
	if deps.Now == nil {
		deps.Now = time.Now
	}
	tmpl, err := templates.New(cfg.Template)
	if err != nil {
		return nil, err
	}
	if err := checkTemplates(cfg, tmpl); err != nil {
		return nil, err
	}
	st, err := openStore(ctx, cfg.Storage, deps.Now)
	if err != nil {
		return nil, err
	}
	m := &Main{cfg: cfg, log: deps.Log, store: st, templates: tmpl, now: deps.Now, holder: holderID()}
	if err := m.sync(ctx); err != nil {
		st.Close()
		return nil, err
	}
	states, err := st.TargetStates(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	m.tg = telegramClient(cfg)
	if m.tg != nil && st.Dialect().Name == "postgres" {
		// Replicas share the token: its pace is kept in the store.
		m.tg.SharePace(st)
	}
	m.fetcher = feeds.NewFetcher(fetchOptions(cfg))
	targets, notifier := buildTargets(cfg, m.tg, deps.Stdout, states, m.fetcher.FetchImage, deps.Log)
	configured := make([]model.Source, 0, len(cfg.Sources))
	for _, s := range cfg.Sources {
		configured = append(configured, sourceModel(s))
	}
	m.sources, err = sources.Load(ctx, st, m.fetcher, sources.Options{Configured: configured, Reserved: targetIDList(cfg),
		Max: cfg.Telegram.MaxAddedSources, Now: deps.Now, Log: deps.Log})
	if err != nil {
		st.Close()
		return nil, err
	}
	var subs subscribers
	if m.tg != nil {
		subs = st.SubscriberTargets
	}
	popts, err := pipelineOptions(cfg, m.fetcher, deps.Now, notifier, subs)
	if err != nil {
		st.Close()
		return nil, err
	}
	m.pipeline = pipeline.New(st, m.fetcher, popts, deps.Log)
	m.filters = popts.Filters
	dopts := dispatch.Options{
		Notifier:    notifier,
		SendTimeout: cfg.Delivery.Timeout.D(),
		MaxAttempts: cfg.Delivery.MaxAttempts,
		MaxBackoff:  cfg.Delivery.MaxBackoff.D(),
		Lease:       cfg.Delivery.Lease.D(),
		Location:    cfg.Location,
	}
	if m.tg != nil {
		// Subscriber chats are targets made at run time: Telegram's
		// defaults (template, summary, lead images as captioned photos).
		dopts.Dynamic = st.ChatTargets
		dopts.Resolve = func(id string) (dispatch.Target, bool) {
			chat, ok := store.ChatOfTarget(id)
			if !ok {
				return dispatch.Target{}, false
			}
			sum := config.DefaultSummary[config.PublisherTelegram]
			return dispatch.Target{ID: id, Template: config.DefaultTemplate[config.PublisherTelegram],
				SummaryChars: sum.Chars, SummarySentences: sum.Sentences, Images: true,
				Publisher: m.tg.Publisher(strconv.FormatInt(chat, 10), telegram.Options{
					ImageLayout: config.ImageCaption, FetchImage: m.fetcher.FetchImage})}, true
		}
	}
	m.metrics = metrics.New(fullVersion(), func(ctx context.Context) (map[string]int, []string, error) {
		open, err := st.OpenDeliveries(ctx)
		if err != nil {
			return nil, nil, err
		}
		states, err := st.TargetStates(ctx)
		var paused []string
		for id, s := range states {
			if s.PausedReason != "" {
				paused = append(paused, id)
			}
		}
		return open, paused, err
	})
	m.metrics.Known(append(targetIDList(cfg), store.ChatTargetPrefix))
	dopts.Observer = m.metrics
	m.dispatcher = dispatch.New(st, tmpl, targets, dopts, deps.Log, deps.Now)
	return m, nil
}

// openStore opens the configured store: an SQLite file, or PostgreSQL for
// several replicas.
func openStore(ctx context.Context, storage config.Storage, now func() time.Time) (*sqlstore.Store, error) {
	v := storage.Value()
	if path, ok := strings.CutPrefix(v, "sqlite:"); ok {
		return sqlite.Open(ctx, path, now)
	}
	if strings.HasPrefix(v, "postgres://") || strings.HasPrefix(v, "postgresql://") {
		return postgres.Open(ctx, v, now)
	}
	return nil, fmt.Errorf("storage %s is not supported", storage)
}

// Close releases the store.
func (m *Main) Close() error { return m.store.Close() }

func (m *Main) sync(ctx context.Context) error {
	// The articles admins post by URL hang off a source of their own.
	srcs := make([]model.Source, 0, len(m.cfg.Sources)+1)
	srcs = append(srcs, model.Source{ID: store.PostedSource})
	for _, s := range m.cfg.Sources {
		srcs = append(srcs, sourceModel(s))
	}
	if err := m.store.SyncSources(ctx, srcs); err != nil {
		return err
	}
	var targets []store.Target
	for _, t := range m.cfg.Targets {
		targets = append(targets, store.Target{ID: t.ID, Publisher: t.Publisher})
	}
	return m.store.SyncTargets(ctx, targets)
}

func targetIDList(cfg *config.Config) []string {
	var ids []string
	for _, t := range cfg.Targets {
		ids = append(ids, t.ID)
	}
	return ids
}

func sourceModel(s config.Source) model.Source {
	return model.Source{ID: s.ID, Name: s.Name, URL: s.URL, Schedule: s.Schedule, Language: s.Language,
		Backfill: s.Backfill, FullText: s.FullText, Category: s.Category}
}

func fetchOptions(cfg *config.Config) feeds.Options {
	ua := cfg.Fetch.UserAgent
	if ua == "" {
		ua = userAgent()
	}
	var allowed []netip.Prefix
	for _, n := range cfg.Fetch.AllowNetworks {
		if p, err := netip.ParsePrefix(n); err == nil { // validated
			allowed = append(allowed, p.Masked())
		}
	}
	return feeds.Options{Timeout: cfg.Fetch.Timeout.D(), MaxBytes: cfg.Fetch.MaxBytes, UserAgent: ua,
		AllowPrivatePages: cfg.Fetch.AllowPrivatePages, AllowNetworks: allowed}
}

// buildTargets makes one publisher per target; telegram targets share one
// client (one token, one connection pool, one pace). A chat that moved (a
// group upgraded to a supergroup) is addressed where it went, as long as the
// config still names the old one. The notifier reaches telegram.admins, if
// the bot has a token.
func buildTargets(cfg *config.Config, tg *telegram.Client, stdout io.Writer, states map[string]store.TargetState, fetchImage model.ImageFetcher, log *slog.Logger) ([]dispatch.Target, dispatch.Notifier) {
	client := func() *telegram.Client {
		if tg == nil {
			tg = telegramClient(cfg)
		}
		return tg
	}
	var out []dispatch.Target
	for _, t := range cfg.Targets {
		dt := dispatch.Target{ID: t.ID, Template: t.Template, SummaryChars: t.Summary.Chars, SummarySentences: t.Summary.Sentences,
			Images: t.ShowsImages(), Hashtags: t.Hashtags}
		switch t.Publisher {
		case config.PublisherTelegram:
			chat := t.Chat
			if st := states[t.ID]; st.MovedTo != "" && st.MovedFrom == chat {
				chat = st.MovedTo
			}
			dt.Publisher = client().Publisher(chat, telegram.Options{DisableWebPagePreview: t.DisableWebPagePreview,
				ImageLayout: t.ImageLayout, FetchImage: imagesFor(t, fetchImage)})
		case config.PublisherMastodon:
			dt.Publisher = mastodon.New(t.Server, t.Token.Value(), mastodon.Options{
				Visibility: t.Visibility, Language: t.Language, Timeout: cfg.Delivery.Timeout.D(), UserAgent: userAgent(),
				FetchImage: imagesFor(t, fetchImage), Logger: log.With("target", t.ID)})
		case config.PublisherConsole:
			dt.Publisher = console.New(stdout, t.ID)
		}
		out = append(out, dt)
	}
	if cfg.Telegram.Token == "" || len(cfg.Telegram.Admins) == 0 {
		return out, nil
	}
	return out, client().Notifier(cfg.Telegram.Admins)
}

// imagesFor is the image downloader of a target that shows images.
func imagesFor(t config.Target, fetch model.ImageFetcher) model.ImageFetcher {
	if !t.ShowsImages() {
		return nil
	}
	return fetch
}

// checkTemplates makes sure every target's template exists and renders.
func checkTemplates(cfg *config.Config, set *templates.Set) error {
	var problems []string
	sample := model.Post{Title: "Title", Summary: []string{"Sentence."}, Link: "https://example.com/", SourceName: "Source",
		Author: "Author", Published: time.Unix(0, 0), Tags: []string{"tag"}}
	for i, t := range cfg.Targets {
		if !set.Has(t.Template) {
			problems = append(problems, fmt.Sprintf("targets[%d].template: %q not found (have %s)", i, t.Template, strings.Join(set.Names(), ", ")))
			continue
		}
		post := sample
		if t.Hashtags.Enabled() {
			post.Hashtags = []string{"CrierSampleTag"}
		}
		msg, err := set.Render(t.Template, post, templates.Limits{})
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("targets[%d].template: %v", i, err))
		case t.Hashtags.Enabled() && !strings.Contains(msg.Text, "CrierSampleTag"):
			// A template written before hashtags existed would drop them
			// without a word.
			problems = append(problems, fmt.Sprintf("targets[%d].hashtags: template %s does not show .Hashtags", i, t.Template))
		}
	}
	if len(problems) > 0 {
		return &config.Error{Problems: problems}
	}
	return nil
}

// telegramClient is the bot token's one client, or nil without a token.
func telegramClient(cfg *config.Config) *telegram.Client {
	if cfg.Telegram.Token == "" {
		return nil
	}
	return telegram.NewClient(cfg.Telegram.Token.Value(), cfg.Telegram.APIEndpoint, cfg.Delivery.Timeout.D(), telegramLimits(cfg.Telegram.Limits))
}

func telegramLimits(l config.TelegramLimits) telegram.Limits {
	return telegram.Limits{PerChatInterval: l.PerChatInterval.D(), PerChatBurst: l.PerChatBurst,
		GroupMessages: l.GroupMessages, GroupWindow: l.GroupWindow.D(),
		GlobalMessages: l.GlobalMessages, GlobalWindow: l.GlobalWindow.D()}
}
