package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/opml"
	"github.com/crierhq/crier/internal/sources"
	"github.com/crierhq/crier/internal/store"
)

// Update is what the bot needs of a Telegram update.
type Update struct {
	ID       int64
	ChatID   int64
	ChatType string // private, group, supergroup or channel
	FromID   int64  // 0 for channel posts, which have no sender
	FromLang string // the sender's Telegram language, as "en" or "pt-br"
	Text     string
	// A pressed inline button: the callback query's id and data, and the
	// bot's message the button is under.
	CallbackID string
	Data       string
	MessageID  int
	// Document is the file the message holds (its caption is Text), or
	// the file of the message it replies to: "/import" either way.
	Document *Document
}

// Document is a file a user sent.
type Document struct {
	FileID, Name string
	Size         int64
}

// File is a file the bot sends, with the reply's Text as its caption.
type File struct {
	Name string
	Data []byte
}

// Button is an inline keyboard button; Data comes back in the callback
// query when it is pressed (1-64 bytes).
type Button struct{ Text, Data string }

// Reply is what the bot answers with: a message (Text, with an inline
// keyboard when Buttons is set), or, for a pressed button (CallbackID set),
// a short notice (Text) and, with EditMessageID, that message's keyboard
// replaced by Buttons.
type Reply struct {
	ChatID        int64
	Text          string
	Buttons       [][]Button
	CallbackID    string
	EditMessageID int
	File          *File
}

// Store is what the handlers read and change.
type Store interface {
	FetchState(ctx context.Context, sourceID string) (model.FetchState, error)
	DeliveryCounts(ctx context.Context) (map[string]map[model.DeliveryState]int, error)
	FilteredCounts(ctx context.Context) (map[string]int, error)
	TraceItems(ctx context.Context, id int64, link string, limit int) ([]store.ItemTrace, error)
	LastSent(ctx context.Context) (map[string]time.Time, error)
	TargetStates(ctx context.Context) (map[string]store.TargetState, error)
	PauseTarget(ctx context.Context, id, reason string) error
	ResumeTarget(ctx context.Context, id string) (bool, error)
	PauseSource(ctx context.Context, id, reason string) error
	ResumeSource(ctx context.Context, id string) (bool, error)
	RetryFailed(ctx context.Context, target string) (int, error)
	Subscribe(ctx context.Context, chatID int64, sourceID string) (bool, error)
	Unsubscribe(ctx context.Context, chatID int64, sourceID string) (bool, error)
	Subscriptions(ctx context.Context, chatID int64) ([]string, error)
	ChatLanguage(ctx context.Context, chatID int64) (string, error)
	SetChatLanguage(ctx context.Context, chatID int64, lang string) error
}

// Checker polls a source now, as /check asks.
type Checker interface {
	Check(ctx context.Context, sourceID string) (CheckResult, error)
}

// Previewer renders what each target would get for a source or feed URL,
// posting nothing; by is the admin asking (a URL from a chat is fetched from
// public addresses only).
type Previewer interface {
	Preview(ctx context.Context, sourceOrURL string, by int64) (string, error)
}

// Sources is the live set of sources: the config file's and those added by
// command (see internal/sources, which implements it).
type Sources interface {
	All() []model.Source
	// Add validates a URL from a chat (fetching it once, finding a page's
	// feed) and adds it; name may be empty.
	Add(ctx context.Context, rawURL, name string, by int64) (model.Source, error)
	// Remove deletes a source added by command.
	Remove(ctx context.Context, id string) error
	// Import adds a list's feeds without fetching them, leaving those
	// followed already alone.
	Import(ctx context.Context, feeds []opml.Feed, by int64) (sources.ImportReport, error)
}

// Files downloads the files users send (at most max bytes).
type Files interface {
	Download(ctx context.Context, fileID string, max int64) ([]byte, error)
}

// Poster queues one article page for targets (/post).
type Poster interface {
	Post(ctx context.Context, rawURL string, targets []string) (PostResult, error)
}

// PostResult is what /post queued.
type PostResult struct {
	Title             string
	Enqueued, Skipped int
}

// ErrAlreadyPosted is the Poster's answer for a page posted before.
var ErrAlreadyPosted = errors.New("already posted")

// CheckResult is what one poll did.
type CheckResult struct {
	NotDue, NotModified bool
	New, Enqueued       int
}

// TargetInfo describes a target of the config.
type TargetInfo struct{ ID, Publisher string }

// Deps wire a bot.
type Deps struct {
	Store     Store
	Checker   Checker
	Previewer Previewer
	Poster    Poster
	Catalog   *Catalog
	Username  string // the bot's @username, for /cmd@name in groups
	Admins    []int64
	Sources   Sources
	Files     Files
	Targets   []TargetInfo
	Version   string
	Now       func() time.Time
	Log       *slog.Logger
}

// Bot answers commands. Handlers read and change state through the store;
// none publishes a post.
type Bot struct {
	d       Deps
	admins  map[int64]bool
	started time.Time
}

// New builds a bot.
func New(d Deps) *Bot {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{d: d, admins: map[int64]bool{}, started: d.Now()}
	for _, id := range d.Admins {
		b.admins[id] = true
	}
	return b
}

// handler answers one command; args are the words after it.
type handler func(ctx context.Context, r *request) string

// request is one command being answered.
type request struct {
	u    Update
	cmd  Command
	lang string
	file *File // sent with the reply (/export)
}

// Handle answers an update; plain text and commands for other bots get no
// answer.
func (b *Bot) Handle(ctx context.Context, u Update) []Reply {
	if u.CallbackID != "" {
		return b.pressed(ctx, u)
	}
	cmd, ok := ParseCommand(u.Text, b.d.Username)
	if !ok {
		return nil
	}
	if u.ChatType == "channel" {
		// A reply would be posted to every reader of the channel, and a
		// channel post has no sender to check: commands are not taken
		// there. Admins use a private chat with the bot.
		b.d.Log.Info("command in a channel ignored", "chat", u.ChatID, "command", cmd.Name)
		return nil
	}
	r := &request{u: u, cmd: cmd, lang: b.language(ctx, u)}
	if u.ChatType == "private" {
		// Whoever writes to the bot can be written to again: a chat paused
		// because its user had blocked the bot gets its posts back.
		if _, err := b.d.Store.ResumeTarget(ctx, store.ChatTarget(u.ChatID)); err != nil && !errors.Is(err, store.ErrNotFound) {
			b.d.Log.Warn("resume a returning chat", "chat", u.ChatID, "err", err)
		}
	}
	if h, ok := b.adminCommands()[cmd.Name]; ok {
		if !b.admins[u.FromID] || u.FromID == 0 {
			b.d.Log.Warn("admin command refused", "user", u.FromID, "chat", u.ChatID, "command", cmd.Name)
			return b.reply(u, b.text(r, "not_admin", map[string]any{"Command": cmd.Name}))
		}
		b.d.Log.Info("admin command", "user", u.FromID, "chat", u.ChatID, "command", cmd.Name, "args", cmd.Raw)
		text := h(ctx, r)
		if r.file != nil {
			return []Reply{{ChatID: u.ChatID, Text: text, File: r.file}}
		}
		return b.reply(u, text)
	}
	if h, ok := b.publicCommands()[cmd.Name]; ok {
		out := b.reply(u, h(ctx, r))
		if cmd.Name == "sources" {
			out = b.withKeyboard(ctx, u, out)
		}
		return out
	}
	if u.ChatType != "private" {
		return nil // in groups, stay quiet about commands meant for others
	}
	return b.reply(u, b.text(r, "unknown_command", map[string]any{"Command": cmd.Name}))
}

func (b *Bot) reply(u Update, text string) []Reply {
	if text == "" {
		return nil
	}
	var out []Reply
	for _, part := range splitText(text, maxReply) {
		out = append(out, Reply{ChatID: u.ChatID, Text: part})
	}
	return out
}

// splitText cuts a long reply into messages of at most max characters, at
// line ends where it can (a /status of a thousand sources is several
// messages, not one Telegram refuses).
func splitText(text string, max int) []string {
	var out []string
	for utf8.RuneCountInString(text) > max {
		runes := []rune(text)
		cut := max
		if i := strings.LastIndex(string(runes[:max]), "\n"); i > 0 {
			cut = utf8.RuneCountInString(string(runes[:max])[:i])
		}
		out = append(out, strings.TrimRight(string(runes[:cut]), "\n"))
		text = strings.TrimLeft(string(runes[cut:]), "\n")
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

func (b *Bot) text(r *request, key string, data any) string {
	return b.d.Catalog.Text(r.lang, key, data)
}

// failed answers a command the store could not carry out: the details go
// to the log, the chat gets a message in its language.
func (b *Bot) failed(r *request, err error) string {
	b.d.Log.Error("command failed", "chat", r.u.ChatID, "user", r.u.FromID, "command", r.cmd.Name, "err", err)
	return b.text(r, "internal_error", map[string]any{"Command": r.cmd.Name})
}

// language is the chat's choice, else the sender's Telegram language if the
// bot speaks it, else English.
func (b *Bot) language(ctx context.Context, u Update) string {
	if lang, err := b.d.Store.ChatLanguage(ctx, u.ChatID); err == nil && b.d.Catalog.Has(lang) {
		return lang
	}
	base, _, _ := strings.Cut(strings.ToLower(u.FromLang), "-")
	if b.d.Catalog.Has(base) {
		return base
	}
	return DefaultLanguage
}
