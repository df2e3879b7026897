package telegramapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// webhookTimeout bounds one webhook delivery, as Telegram's own wait for
// the bot's answer is bounded.
const webhookTimeout = 10 * time.Second

// DeliverWebhook posts the pending updates to the webhook as Telegram does:
// oldest first, one at a time, as a JSON Update with the header
// X-Telegram-Bot-Api-Secret-Token when a secret token was set. An update is
// forgotten once the endpoint answers it with a 2xx status. The first
// failure stops the delivery, shows in getWebhookInfo as last_error_message
// and is returned; where Telegram would retry by itself, a test calls
// DeliverWebhook again. With nothing pending it returns nil at once.
//
// It posts only to loopback addresses, so that a test never reaches a real
// host; another webhook URL, or none, is an error.
func (s *Server) DeliverWebhook(ctx context.Context) error {
	s.mu.Lock()
	hook := s.webhook
	s.mu.Unlock()
	if hook.url == "" {
		return errors.New("telegramapi: no webhook is set")
	}
	target, aerr := webhookURL(hook.url) // it was checked when set
	if aerr != nil || !isLoopback(target.Hostname()) {
		return fmt.Errorf("telegramapi: DeliverWebhook posts only to loopback addresses, not %s", hook.url)
	}
	for {
		s.mu.Lock()
		if s.webhook.url != hook.url {
			s.mu.Unlock()
			return errors.New("telegramapi: the webhook changed during delivery")
		}
		if len(s.updates.pending) == 0 {
			s.mu.Unlock()
			return nil
		}
		next := s.updates.pending[0]
		s.mu.Unlock()

		failure, err := s.post(ctx, target.String(), hook.secret, next.json)
		s.mu.Lock()
		if err != nil {
			if s.webhook.url == hook.url {
				s.webhook.lastError, s.webhook.lastErrorAt = failure, s.opts.Now()
			}
			s.mu.Unlock()
			return fmt.Errorf("deliver update %d: %w", next.id, err)
		}
		s.updates.forget(next.id + 1)
		s.mu.Unlock()
	}
}

// post sends one update. On failure it also returns the failure the way
// getWebhookInfo words it.
func (s *Server) post(ctx context.Context, target, secret string, u updateJSON) (string, error) {
	body, err := json.Marshal(u)
	if err != nil {
		return "Internal error", fmt.Errorf("encode update: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return "Invalid URL", err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := s.hookClient.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return "Read timeout expired", err
		}
		return "Connection refused", err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "Wrong response from the webhook: " + resp.Status, fmt.Errorf("webhook answered %s", resp.Status)
	}
	return "", nil
}
