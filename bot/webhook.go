package bot

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
)

// SecretHeader carries the webhook's secret_token in every request Telegram
// makes to it.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds one webhook request body: an update is a few KB.
const maxUpdateBytes = 1 << 20

// Replier sends the bot's replies.
type Replier interface {
	Send(ctx context.Context, r Reply) error
}

// Webhook receives the updates Telegram posts in webhook mode and answers
// them in order, one at a time, like the polling loop: each update's id is
// recorded before it is handled (a redelivered update is acknowledged and
// not run again), and the request is answered at once while a worker
// (Run) handles the command.
type Webhook struct {
	b       *Bot
	secret  []byte
	offsets Offsets
	replier Replier
	decode  func(body []byte) (Update, error)
	queue   chan Update
	mu      sync.Mutex // orders the offset check and the enqueue
	closed  bool       // stopping: updates are left to Telegram to resend
}

// Webhook builds the handler of Telegram's webhook requests. decode turns a
// request body (a Telegram Update in JSON) into an Update.
func (b *Bot) Webhook(secret string, offsets Offsets, replier Replier, decode func([]byte) (Update, error)) *Webhook {
	return &Webhook{b: b, secret: []byte(secret), offsets: offsets, replier: replier, decode: decode,
		queue: make(chan Update, 100)}
}

// ServeHTTP takes one update. A request without the right secret header is
// refused with 401 before its body is read, and changes nothing.
func (w *Webhook) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	log := w.b.d.Log
	if req.Method != http.MethodPost {
		rw.Header().Set("Allow", http.MethodPost)
		http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := []byte(req.Header.Get(SecretHeader))
	if len(w.secret) == 0 || subtle.ConstantTimeCompare(got, w.secret) != 1 {
		log.Warn("bot: webhook request refused: wrong or missing secret header", "remote", req.RemoteAddr)
		http.Error(rw, "unauthorized", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(rw, req.Body, maxUpdateBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(rw, "update too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(rw, "cannot read the update", http.StatusBadRequest)
		return
	}
	u, err := w.decode(body)
	if err != nil {
		// Telegram would send the same bytes again and again: acknowledge
		// and drop what can never be read.
		log.Warn("bot: webhook update dropped: not an update", "err", err)
		rw.WriteHeader(http.StatusOK)
		return
	}
	status := w.accept(req.Context(), u, log)
	rw.WriteHeader(status)
}

// accept records the update's id and queues it, unless it was taken before.
func (w *Webhook) accept(ctx context.Context, u Update, log *slog.Logger) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || len(w.queue) == cap(w.queue) {
		// The worker is far behind: let Telegram keep the update and
		// send it again later.
		return http.StatusServiceUnavailable
	}
	// Recorded before it is handled, as in polling: a crash loses the
	// command rather than running it twice.
	moved, err := w.offsets.SetBotOffset(ctx, u.ID+1)
	if err != nil {
		log.Error("bot: record the update offset", "err", err)
		return http.StatusServiceUnavailable
	}
	if !moved {
		return http.StatusOK // a redelivery of an update taken already
	}
	w.queue <- u // room was checked under the lock, the only sender holds
	return http.StatusOK
}

// Run answers the queued updates until ctx ends; then it refuses new ones
// (503: Telegram keeps them) and answers those it had taken, whose offsets
// are recorded already.
func (w *Webhook) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			w.mu.Lock()
			w.closed = true
			w.mu.Unlock()
			rest := context.WithoutCancel(ctx)
			for {
				select {
				case u := <-w.queue:
					w.handle(rest, u)
				default:
					return
				}
			}
		case u := <-w.queue:
			w.handle(ctx, u)
		}
	}
}

func (w *Webhook) handle(ctx context.Context, u Update) {
	for _, r := range w.b.Handle(ctx, u) {
		if err := w.replier.Send(ctx, r); err != nil {
			w.b.d.Log.Warn("bot: reply not sent", "chat", r.ChatID, "err", err)
		}
	}
}
