package telegramapi

import (
	"net"
	"net/url"
	"slices"
	"strings"
	"time"
)

// webhook is the bot's webhook as setWebhook left it; url is empty when
// none is set. The server's mutex guards it.
type webhook struct {
	url, secret    string
	maxConnections int
	// lastError is Telegram's description of the latest failed delivery.
	lastError   string
	lastErrorAt time.Time
}

type webhookInfoJSON struct {
	URL                  string   `json:"url"`
	HasCustomCertificate bool     `json:"has_custom_certificate"`
	PendingUpdateCount   int      `json:"pending_update_count"`
	LastErrorDate        int64    `json:"last_error_date,omitempty"`
	LastErrorMessage     string   `json:"last_error_message,omitempty"`
	MaxConnections       int      `json:"max_connections,omitempty"`
	AllowedUpdates       []string `json:"allowed_updates,omitempty"`
}

// Specs: https://core.telegram.org/bots/api#setwebhook
func (s *Server) setWebhook(p params) (any, *apiError) {
	rawURL := p.get("url")
	if rawURL == "" {
		return s.deleteWebhook(p) // as documented: an empty url removes the webhook
	}
	if _, aerr := webhookURL(rawURL); aerr != nil {
		return nil, aerr
	}
	secret := p.get("secret_token")
	if aerr := checkSecretToken(secret); aerr != nil {
		return nil, aerr
	}
	// The Bot API takes one setWebhook with a URL a second.
	now := s.opts.Now()
	if !s.opts.Limits.Disabled && now.Before(s.nextSetWebhook) {
		return nil, tooManyRequests(time.Second)
	}
	s.nextSetWebhook = now.Add(time.Second)

	s.updates.setAllowed(p.get("allowed_updates"))
	drop := isTrue(p.get("drop_pending_updates"))
	hook := webhook{url: rawURL, secret: secret, maxConnections: intArg(p.get("max_connections"), 40, 1, 100)}
	if !drop && hook.url == s.webhook.url && hook.secret == s.webhook.secret &&
		hook.maxConnections == s.webhook.maxConnections {
		return described{true, "Webhook is already set"}, nil
	}
	s.updates.endPoll(errPollWebhook)
	if drop {
		s.updates.forget(s.updates.nextID)
	}
	s.webhook = hook
	return described{true, "Webhook was set"}, nil
}

// Specs: https://core.telegram.org/bots/api#deletewebhook
func (s *Server) deleteWebhook(p params) (any, *apiError) {
	s.updates.setAllowed(p.get("allowed_updates"))
	if isTrue(p.get("drop_pending_updates")) {
		s.updates.forget(s.updates.nextID)
	}
	if s.webhook.url == "" {
		return described{true, "Webhook is already deleted"}, nil
	}
	s.webhook = webhook{}
	return described{true, "Webhook was deleted"}, nil
}

// Specs: https://core.telegram.org/bots/api#getwebhookinfo
func (s *Server) getWebhookInfo(params) (any, *apiError) {
	h := s.webhook
	info := webhookInfoJSON{URL: h.url, PendingUpdateCount: len(s.updates.pending)}
	if h.url != "" {
		info.MaxConnections, info.AllowedUpdates = h.maxConnections, slices.Clone(s.updates.allowed)
		if !h.lastErrorAt.IsZero() {
			info.LastErrorDate, info.LastErrorMessage = h.lastErrorAt.Unix(), h.lastError
		}
	}
	return info, nil
}

// Webhook returns the webhook URL and secret token set, or empty strings.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook.url, s.webhook.secret
}

// webhookURL parses a setWebhook url and refuses what Telegram refuses: a
// URL it cannot read (one without a scheme is taken as https), a scheme
// other than https, a port other than 80, 88, 443 or 8443. Unlike Telegram
// it also takes http and any port on a loopback host, so that a test can
// serve the webhook with httptest; and it never looks the host up.
func webhookURL(raw string) (*url.URL, *apiError) {
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return nil, badRequest("invalid webhook URL specified")
	}
	if isLoopback(u.Hostname()) && (u.Scheme == "http" || u.Scheme == "https") {
		return u, nil
	}
	if u.Scheme != "https" {
		return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	switch u.Port() {
	case "", "80", "88", "443", "8443":
		return u, nil
	}
	return nil, badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
}

func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return strings.EqualFold(host, "localhost") || ip != nil && ip.IsLoopback()
}

// checkSecretToken allows up to 256 characters of A-Z, a-z, 0-9, _ and -;
// an empty token means none.
func checkSecretToken(secret string) *apiError {
	if len(secret) > 256 {
		return badRequest("secret token is too long")
	}
	for _, c := range []byte(secret) {
		if c != '_' && c != '-' && (c < '0' || c > '9') && (c|0x20 < 'a' || c|0x20 > 'z') {
			return badRequest("secret token contains unallowed characters")
		}
	}
	return nil
}
