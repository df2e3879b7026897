package mastodonapi

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/crierhq/crier/internal/fakes/faultq"
)

// DefaultToken is the valid access token when Options.Token is empty.
const DefaultToken = "fake-mastodon-token"

// RateLimit is a fixed-window limit: at most Limit requests in each Period,
// windows aligned to the Unix epoch like rack-attack's and Mastodon's
// RateLimiter. Periods are whole seconds.
type RateLimit struct {
	Limit  int
	Period time.Duration
}

// Options configure a Server. Zero values take Mastodon's defaults.
type Options struct {
	// Token is the only valid bearer token (default DefaultToken).
	Token string
	// Username of the account the token belongs to (default "crier").
	Username string
	// Domain is the instance's LOCAL_DOMAIN; links become https://Domain/...
	// (default: the listener's host:port, and links point at the fake).
	Domain string
	// Version reported by the instance endpoints (default "4.3.2").
	Version string
	// MaxCharacters is configuration.statuses.max_characters (default 500).
	MaxCharacters int
	// CharactersReservedPerURL is how much each URL counts (default 23).
	CharactersReservedPerURL int
	// MaxMediaAttachments per status (default 4). Negative reports 0, as
	// servers that take no media do; Mastodon itself always says 4.
	MaxMediaAttachments int
	// ImageSizeLimit is configuration.media_attachments.image_size_limit in
	// bytes; larger uploads are refused with 422 (default 16 MiB).
	ImageSizeLimit int64
	// DescriptionLimit is media_attachments.description_limit in
	// characters (default 1500).
	DescriptionLimit int
	// MediaProcessingPolls makes uploads through /api/v2/media need
	// processing: the upload answers 202 with "url": null, and that many
	// GET /api/v1/media/:id answer 206 before one answers 200. Zero: ready
	// at once (200), which is what Mastodon does for still images; it
	// processes video, audio and GIFs in the background.
	MediaProcessingPolls int
	// APIRateLimit applies to every /api request, per token, or per IP
	// without a valid token (default 300 per 5 minutes).
	APIRateLimit RateLimit
	// StatusRateLimit applies to creating statuses, per account (default
	// 300 per 3 hours). Failed validations and idempotent replays do not
	// count.
	StatusRateLimit RateLimit
	// MediaRateLimit applies to POST /api/v*/media, per account (default
	// 30 per 30 minutes, rack-attack's throttle_api_media). Refused
	// uploads count too.
	MediaRateLimit RateLimit
	// Now is the clock (default time.Now). Rate-limit windows and the
	// one-hour idempotency window follow it.
	Now func() time.Time
}

func (o *Options) setDefaults() {
	if o.Token == "" {
		o.Token = DefaultToken
	}
	if o.Username == "" {
		o.Username = "crier"
	}
	if o.Version == "" {
		o.Version = "4.3.2"
	}
	if o.MaxCharacters <= 0 {
		o.MaxCharacters = 500
	}
	if o.CharactersReservedPerURL <= 0 {
		o.CharactersReservedPerURL = 23
	}
	switch {
	case o.MaxMediaAttachments == 0:
		o.MaxMediaAttachments = 4
	case o.MaxMediaAttachments < 0:
		o.MaxMediaAttachments = 0
	}
	if o.ImageSizeLimit <= 0 {
		o.ImageSizeLimit = 16 << 20
	}
	if o.DescriptionLimit <= 0 {
		o.DescriptionLimit = 1500
	}
	if o.MediaRateLimit.Limit <= 0 {
		o.MediaRateLimit = RateLimit{Limit: 30, Period: 30 * time.Minute}
	}
	if o.APIRateLimit.Limit <= 0 {
		o.APIRateLimit = RateLimit{Limit: 300, Period: 5 * time.Minute}
	}
	if o.StatusRateLimit.Limit <= 0 {
		o.StatusRateLimit = RateLimit{Limit: 300, Period: 3 * time.Hour}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Server is a fake Mastodon instance listening on a local port. It is safe
// for concurrent use.
type Server struct {
	opts    Options
	http    *httptest.Server
	base    string // scheme and host of the links the server hands out
	closing chan struct{}
	once    sync.Once

	mu          sync.Mutex
	statuses    []Status
	media       map[string]*mediaRecord
	idempotency map[string]idempotentPost
	requests    []Request
	faults      faultq.Queue[Fault]
	apiLimit    *limiter
	statusLimit *limiter
	mediaLimit  *limiter
	lastID      int64
}

// New starts a server. Close it when done.
func New(opts Options) *Server {
	opts.setDefaults()
	s := &Server{
		opts:        opts,
		closing:     make(chan struct{}),
		media:       make(map[string]*mediaRecord),
		idempotency: make(map[string]idempotentPost),
		apiLimit:    newLimiter(opts.APIRateLimit),
		statusLimit: newLimiter(opts.StatusRateLimit),
		mediaLimit:  newLimiter(opts.MediaRateLimit),
	}
	s.http = httptest.NewServer(http.HandlerFunc(s.serve))
	s.base = "https://" + s.opts.Domain
	if s.opts.Domain == "" {
		s.opts.Domain = s.http.Listener.Addr().String()
		s.base = s.http.URL
	}
	return s
}

// URL is the base URL to give a client, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return s.http.URL }

// Close releases hanging requests and shuts the server down.
func (s *Server) Close() {
	s.once.Do(func() {
		close(s.closing)
		s.http.Close()
	})
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }
