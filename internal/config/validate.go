package config

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the binary must know time zones in an empty container

	"github.com/robfig/cron/v3"

	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/hashtag"
	"github.com/crierhq/crier/internal/opml"
)

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	chatUsername    = regexp.MustCompile(`^@[A-Za-z][A-Za-z0-9_]{3,31}$`)
	languagePattern = regexp.MustCompile(`^[a-z]{2,3}$`)
	visibilities    = []string{"public", "unlisted", "private", "direct"}
)

func (c *Config) validate(errs *problems) {
	c.validateGlobal(errs)
	ids := map[string]string{}
	for i, s := range c.Sources {
		c.validateSource(fmt.Sprintf("sources[%d]", i), s, ids, errs)
	}
	usesTelegram := false
	for i, t := range c.Targets {
		c.validateTarget(fmt.Sprintf("targets[%d]", i), t, ids, errs)
		usesTelegram = usesTelegram || t.Publisher == PublisherTelegram
	}
	if len(c.Sources) == 0 {
		errs.add("sources", "at least one source is required")
	}
	if len(c.Targets) == 0 {
		errs.add("targets", "at least one target is required")
	}
	if usesTelegram {
		c.validateTelegram(errs)
	} else if c.Telegram.Token != "" && c.Telegram.Updates == UpdatesWebhook {
		c.validateWebhook(errs) // a bot for commands and subscribers only
	}
}

func (c *Config) validateGlobal(errs *problems) {
	storage := c.Storage.Value()
	switch {
	case strings.HasPrefix(storage, "sqlite:"):
		if strings.TrimPrefix(storage, "sqlite:") == "" {
			errs.add("storage", "sqlite: needs a file path, as in sqlite:data/crier.db")
		}
	case strings.HasPrefix(storage, "postgres://"), strings.HasPrefix(storage, "postgresql://"):
		if u, err := url.Parse(storage); err != nil || u.Host == "" {
			errs.add("storage", "%s is not a postgres://user:password@host:5432/database URL", c.Storage)
		}
	default:
		errs.add("storage", "unknown storage %q; use sqlite:PATH or postgres://user:password@host/database", c.Storage.String())
	}
	if _, err := cron.ParseStandard(c.Schedule); err != nil {
		errs.add("schedule", "invalid cron expression %q: %v", c.Schedule, err)
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		errs.add("timezone", "unknown time zone %q", c.Timezone)
	} else {
		c.Location = loc
	}
	if c.Fetch.Timeout.D() < 0 {
		errs.add("fetch.timeout", "must be positive")
	}
	if c.Fetch.Concurrency < 0 || c.Fetch.Concurrency > 1024 {
		errs.add("fetch.concurrency", "must be between 1 and 1024")
	}
	if c.Fetch.MaxBackoff.D() < 0 {
		errs.add("fetch.max_backoff", "must be positive")
	}
	for i, n := range c.Fetch.AllowNetworks {
		p, err := netip.ParsePrefix(n)
		switch {
		case err != nil:
			errs.add(fmt.Sprintf("fetch.allow_networks[%d]", i), "%q is not a network such as 10.20.0.0/16 or fd12:3456::/32", n)
		case overlapsRefused(p):
			errs.add(fmt.Sprintf("fetch.allow_networks[%d]", i), "%s includes loopback, link-local or multicast addresses, which are never allowed: name the private network itself", n)
		}
	}
	if c.Fetch.MaxBytes < 0 {
		errs.add("fetch.max_bytes", "must be positive")
	}
	if c.Delivery.MaxAttempts < 0 {
		errs.add("delivery.max_attempts", "must be positive")
	}
	if c.Delivery.MaxBackoff.D() < 0 {
		errs.add("delivery.max_backoff", "must be positive")
	}
	if c.Delivery.Timeout.D() < 0 {
		errs.add("delivery.timeout", "must be positive")
	}
	if c.Delivery.Lease.D() < 0 || (c.Delivery.Lease.D() > 0 && c.Delivery.Lease.D() < 2*c.Delivery.Timeout.D()) {
		errs.add("delivery.lease", "must be at least twice delivery.timeout")
	}
	for i, l := range c.Languages {
		if !languagePattern.MatchString(l) {
			errs.add(fmt.Sprintf("languages[%d]", i), "%q is not an ISO 639-1 code such as en, tr, ru or hy", l)
		}
	}
	if c.HTTP.Listen != "" {
		if _, port, err := net.SplitHostPort(c.HTTP.Listen); err != nil || port == "" {
			errs.add("http.listen", "%q is not host:port, as in 127.0.0.1:8080 or :8080", c.HTTP.Listen)
		}
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		errs.add("log.level", "must be debug, info, warn or error, not %q", c.Log.Level)
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		errs.add("log.format", "must be text or json, not %q", c.Log.Format)
	}
	if c.Cluster.Lease.D() < time.Second {
		errs.add("cluster.lease", "must be at least 1s")
	}
	if c.Dedupe.Window.D() < 0 {
		errs.add("dedupe.window", "must be positive")
	}
	if c.Dedupe.Similarity < 0 || c.Dedupe.Similarity > 1 {
		errs.add("dedupe.similarity", "must be between 0 and 1")
	}
}

// Summary bounds: a Telegram message holds 4096 characters.
const (
	MaxSummarySentences = 20
	MaxSummaryChars     = 3500
)

var (
	webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	webhookPath   = regexp.MustCompile(`^(/[A-Za-z0-9._~-]*)*$`)
)

func (c *Config) validateWebhook(errs *problems) {
	w := c.Telegram.Webhook
	u, err := url.Parse(w.URL)
	// A self-hosted Bot API server (api_endpoint set) posts webhooks over
	// plain http and to any port; Telegram's own servers do not.
	selfHosted := c.Telegram.APIEndpoint != DefaultAPIEndpoint
	switch {
	case w.URL == "":
		errs.add("telegram.webhook.url", "required when telegram.updates is webhook")
	case err != nil || u.Hostname() == "" || (u.Scheme != "https" && !(selfHosted && u.Scheme == "http")):
		errs.add("telegram.webhook.url", "must be an https URL (Telegram sends webhooks over https only)")
	case !selfHosted && u.Port() != "" && u.Port() != "443" && u.Port() != "80" && u.Port() != "88" && u.Port() != "8443":
		errs.add("telegram.webhook.url", "port %s: Telegram sends webhooks to ports 443, 80, 88 and 8443 only", u.Port())
	case !webhookPath.MatchString(u.Path) || u.Path == "/healthz":
		errs.add("telegram.webhook.url", "path %q is not available for the webhook (letters, digits, '/', '-', '_', '.' and '~')", u.Path)
	}
	if !webhookSecret.MatchString(w.Secret.Value()) {
		errs.add("telegram.webhook.secret", "required: 1-256 characters A-Z, a-z, 0-9, _ and - (set it from the environment, as ${CRIER_WEBHOOK_SECRET})")
	}
	if c.HTTP.Listen == "" {
		errs.add("http.listen", "required when telegram.updates is webhook: Telegram's requests arrive there")
	}
}

func (c *Config) validateTelegram(errs *problems) {
	if c.Telegram.Token == "" {
		errs.add("telegram.token", "required by the telegram targets (or set telegram.token_file)")
	} else if strings.ContainsAny(c.Telegram.Token.Value(), " \t\r\n/?#") {
		errs.add("telegram.token", "contains characters a bot token never has")
	}
	if strings.Count(c.Telegram.APIEndpoint, "%s") != 2 {
		errs.add("telegram.api_endpoint", "must contain %%s twice (token, then method), as in %s", DefaultAPIEndpoint)
	} else if u, err := url.Parse(fmt.Sprintf(c.Telegram.APIEndpoint, "TOKEN", "getMe")); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs.add("telegram.api_endpoint", "must be an http(s) URL pattern")
	}
	switch c.Telegram.Updates {
	case UpdatesPolling, UpdatesOff:
	case UpdatesWebhook:
		c.validateWebhook(errs)
	default:
		errs.add("telegram.updates", "must be polling, webhook or off, not %q", c.Telegram.Updates)
	}
	if c.Telegram.MaxAddedSources < 0 {
		errs.add("telegram.max_added_sources", "must be positive")
	}
	l := c.Telegram.Limits
	for _, f := range []struct {
		name string
		v    int64
	}{{"per_chat_interval", int64(l.PerChatInterval)}, {"per_chat_burst", int64(l.PerChatBurst)},
		{"group_messages", int64(l.GroupMessages)}, {"group_window", int64(l.GroupWindow)},
		{"global_messages", int64(l.GlobalMessages)}, {"global_window", int64(l.GlobalWindow)}} {
		if f.v < 0 {
			errs.add("telegram.limits."+f.name, "must be positive")
		}
	}
	for i, id := range c.Telegram.Admins {
		if id <= 0 {
			errs.add(fmt.Sprintf("telegram.admins[%d]", i), "must be a positive Telegram user id")
		}
	}
}

func (c *Config) validateSource(path string, s Source, ids map[string]string, errs *problems) {
	checkID(path, s.ID, ids, errs)
	if s.URL == "" {
		errs.add(path+".url", "required")
	} else if msg := checkFeedURL(s.URL); msg != "" {
		errs.add(path+".url", "%s", msg)
	}
	if s.Schedule != "" {
		if _, err := cron.ParseStandard(s.Schedule); err != nil {
			errs.add(path+".schedule", "invalid cron expression %q: %v", s.Schedule, err)
		}
	}
	if s.Language != "" && !languagePattern.MatchString(s.Language) {
		errs.add(path+".language", "must be an ISO 639 code such as en, tr, ru or hy")
	}
	if s.Backfill < 0 || s.Backfill > 100 {
		errs.add(path+".backfill", "must be between 0 and 100")
	}
	switch s.FullText {
	case FullTextAuto, FullTextAlways, FullTextNever:
	default:
		errs.add(path+".full_text", "must be auto, always or never, not %q", s.FullText)
	}
	if s.Category != "" && opml.CleanCategory(s.Category) != s.Category {
		errs.add(path+".category", "must be folder names separated by \"/\" (such as %q): no empty names, extra spaces or more than 200 characters", opml.CleanCategory(s.Category))
	}
	validateFilters(path+".filters", s.Filters, errs)
}

// validateFilters compiles the rules as the pipeline will, so a bad regex
// stops the start instead of letting every item through.
func validateFilters(path string, r filter.Rules, errs *problems) {
	_, probs := filter.Compile(r)
	for _, p := range probs {
		at := path
		if p.Path != "" {
			at += "." + p.Path
		}
		errs.add(at, "%s", p.Msg)
	}
}

func validateHashtags(path string, h hashtag.Options, errs *problems) {
	if h.Max < 0 || h.Max > hashtag.MaxMax {
		errs.add(path+".max", "must be between 1 and %d (0: %d)", hashtag.MaxMax, hashtag.DefaultMax)
	}
	for i, tag := range h.Fixed {
		if _, ok := hashtag.Normalize(tag, ""); !ok {
			errs.add(fmt.Sprintf("%s.fixed[%d]", path, i), "%q makes no hashtag: it needs a letter, and at most %d letters, digits or underscores", tag, hashtag.MaxLen)
		}
	}
}

func checkFeedURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "not a valid URL"
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return "URL has no host"
		}
	case "file":
		if u.Host != "" && u.Host != "localhost" {
			return "file URL has a host; write file:///absolute/path or file:path/relative/to/config"
		}
		if u.Path == "" {
			return "file URL has no path"
		}
	default:
		return fmt.Sprintf("unsupported scheme %q (use http, https or file)", u.Scheme)
	}
	return ""
}

// checkID enforces one namespace for sources and targets, so admin commands
// such as /pause NAME are never ambiguous.
func checkID(path, id string, ids map[string]string, errs *problems) {
	switch {
	case id == "":
		errs.add(path+".id", "required")
	case !idPattern.MatchString(id):
		errs.add(path+".id", "%q must be lower-case letters, digits, '-' or '_' (at most 64)", id)
	case ids[id] != "":
		errs.add(path+".id", "%q is already used by %s", id, ids[id])
	default:
		ids[id] = path
	}
}

func (c *Config) validateTarget(path string, t Target, ids map[string]string, errs *problems) {
	checkID(path, t.ID, ids, errs)
	seen := map[string]bool{}
	for i, s := range t.Sources {
		p := fmt.Sprintf("%s.sources[%d]", path, i)
		if _, ok := c.SourceByID(s); !ok {
			errs.add(p, "unknown source %q", s)
		} else if seen[s] {
			errs.add(p, "source %q listed twice", s)
		}
		seen[s] = true
	}
	if t.Summary.Sentences < 0 || t.Summary.Sentences > MaxSummarySentences {
		errs.add(path+".summary.sentences", "must be between 1 and %d", MaxSummarySentences)
	}
	if t.Summary.Chars < 0 || t.Summary.Chars > MaxSummaryChars {
		errs.add(path+".summary.chars", "must be between 1 and %d", MaxSummaryChars)
	}
	validateFilters(path+".filters", t.Filters, errs)
	validateHashtags(path+".hashtags", t.Hashtags, errs)
	if t.Template != "" && (strings.ContainsAny(t.Template, `/\`) || strings.HasPrefix(t.Template, ".")) {
		errs.add(path+".template", "must be a file name inside the templates directory")
	}
	switch t.Publisher {
	case "":
		errs.add(path+".publisher", "required (telegram, mastodon or console)")
	case PublisherTelegram:
		validateTelegramTarget(path, t, errs)
	case PublisherMastodon:
		validateMastodonTarget(path, t, errs)
	case PublisherConsole:
		notFor(path, t, errs, "chat", "server", "token", "visibility", "language", "image_layout", "images")
	default:
		errs.add(path+".publisher", "unknown publisher %q (telegram, mastodon or console)", t.Publisher)
	}
}

func validateTelegramTarget(path string, t Target, errs *problems) {
	switch {
	case t.Chat == "":
		errs.add(path+".chat", "required")
	case strings.HasPrefix(t.Chat, "@"):
		if !chatUsername.MatchString(t.Chat) {
			errs.add(path+".chat", "%q is not a valid @username", t.Chat)
		}
	default:
		if _, err := strconv.ParseInt(t.Chat, 10, 64); err != nil {
			errs.add(path+".chat", "must be @username or a numeric chat id")
		}
	}
	switch t.ImageLayout {
	case ImageCaption, ImagePhotoThenText:
	case ImagePreview:
		if t.DisableWebPagePreview && t.ShowsImages() {
			errs.add(path+".image_layout", "preview shows the image in the link preview, which disable_web_page_preview turns off")
		}
	default:
		errs.add(path+".image_layout", "must be caption, photo_then_text or preview")
	}
	notFor(path, t, errs, "server", "token", "visibility", "language")
}

func validateMastodonTarget(path string, t Target, errs *problems) {
	if t.Server == "" {
		errs.add(path+".server", "required")
	} else if u, err := url.Parse(t.Server); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs.add(path+".server", "must be the instance's base URL, as in https://mastodon.social")
	}
	if t.Token == "" {
		errs.add(path+".token", "required (or set token_file)")
	}
	valid := false
	for _, v := range visibilities {
		valid = valid || v == t.Visibility
	}
	if !valid {
		errs.add(path+".visibility", "must be one of %s", strings.Join(visibilities, ", "))
	}
	if t.Language != "" && !languagePattern.MatchString(t.Language) {
		errs.add(path+".language", "must be an ISO 639 code such as en")
	}
	notFor(path, t, errs, "chat", "image_layout")
}

// notFor flags fields that the target's publisher ignores: a silently ignored
// setting is worse than an error.
func notFor(path string, t Target, errs *problems, fields ...string) {
	set := map[string]bool{
		"chat":       t.Chat != "",
		"server":     t.Server != "",
		"token":      t.Token != "" || t.TokenFile != "",
		"visibility": t.Visibility != "",
		"language":   t.Language != "",
		// Set by defaults on telegram targets only.
		"image_layout": t.ImageLayout != "",
		"images":       t.Images != nil,
	}
	for _, f := range fields {
		if set[f] {
			errs.add(path+"."+f, "not used by publisher %s", t.Publisher)
		}
	}
}

// neverAllowed are the networks fetch.allow_networks may not reach into.
var neverAllowed = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"), netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("224.0.0.0/4"), netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("::/128"),
	netip.MustParsePrefix("fe80::/10"), netip.MustParsePrefix("ff00::/8"),
}

func overlapsRefused(p netip.Prefix) bool {
	for _, n := range neverAllowed {
		if p.Overlaps(n) {
			return true
		}
	}
	return false
}
