package telegramapi

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crierhq/crier/internal/fakes/faultq"
)

// Options configure a Server. Only Token is required.
type Options struct {
	// Token is the bot token the server accepts, e.g. "123456:ABC-def".
	Token string
	// BotID and Username describe the bot in getMe and in sent messages.
	// BotID defaults to the number before ':' in Token.
	BotID     int64
	Username  string
	FirstName string
	// Limits are the rate limits; the zero value means Telegram's.
	Limits Limits
	// Now is the clock used for message dates and rate limits.
	Now func() time.Time
}

// Server is a running fake Bot API. It is safe for concurrent use.
type Server struct {
	opts    Options
	ts      *httptest.Server
	closing chan struct{}
	once    sync.Once

	mu        sync.Mutex
	chats     map[int64]*Chat
	lastMsgID map[int64]int
	messages  []Message
	requests  []Request
	faults    faultq.Queue[Fault]
	limiter   *rateLimiter
	fileIDs   map[string]bool
	files     map[string]*storedFile // documents users sent, by file_id
	incomingM map[msgKey]messageJSON // messages users sent, for replies to them

	updates        updateQueue
	webhook        webhook
	nextSetWebhook time.Time // setWebhook with a URL is refused before then
	commands       map[commandsKey][]BotCommand
	callbacks      callbackQueries
	// hookClient posts updates for DeliverWebhook.
	hookClient *http.Client
}

// New starts a server on a local port. It panics without a token, since no
// test can do anything useful with such a server.
func New(opts Options) *Server {
	if opts.Token == "" {
		panic("telegramapi: Options.Token is required")
	}
	if opts.BotID == 0 {
		id, _ := strconv.ParseInt(strings.SplitN(opts.Token, ":", 2)[0], 10, 64)
		opts.BotID = id
	}
	if opts.Username == "" {
		opts.Username = "crier_fake_bot"
	}
	if opts.FirstName == "" {
		opts.FirstName = "Crier"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{
		opts:      opts,
		closing:   make(chan struct{}),
		chats:     map[int64]*Chat{},
		lastMsgID: map[int64]int{},
		limiter:   newRateLimiter(opts.Limits.withDefaults()),
		fileIDs:   map[string]bool{},
		files:     map[string]*storedFile{},
		incomingM: map[msgKey]messageJSON{},
		updates:   newUpdateQueue(),
		commands:  map[commandsKey][]BotCommand{},
		callbacks: newCallbackQueries(),
		hookClient: &http.Client{
			Timeout: webhookTimeout,
			// Telegram does not follow a webhook's redirects: they are
			// wrong answers like any other non-2xx status.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
	s.ts = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	return s
}

// Close releases hanging requests and shuts the server down.
func (s *Server) Close() {
	s.once.Do(func() {
		close(s.closing)
		s.ts.Close()
	})
}

// URL is the server's base URL, e.g. "http://127.0.0.1:34567".
func (s *Server) URL() string { return s.ts.URL }

// Endpoint is the format string tgbotapi.NewBotAPIWithClient expects: the
// token and the method name are filled in with fmt.Sprintf.
func (s *Server) Endpoint() string { return s.ts.URL + "/bot%s/%s" }
