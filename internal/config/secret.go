package config

import (
	"log/slog"
	"strings"
)

// Secret is a string that never prints itself: fmt verbs, %#v and YAML
// marshalling all show "[redacted]", so a config dumped to a log or an error
// cannot leak a token.
type Secret string

const redacted = "[redacted]"

// Value returns the secret itself; call it only where the secret is used.
func (s Secret) Value() string { return string(s) }

func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString keeps %#v from printing the value.
func (s Secret) GoString() string { return `config.Secret("` + s.String() + `")` }

// MarshalYAML redacts the secret in any YAML dump of the config.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// MarshalText redacts it in JSON (and any text encoding), and LogValue in
// slog's handlers, JSON included.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
func (s Secret) LogValue() slog.Value         { return slog.StringValue(s.String()) }

// Storage is the store's address: "sqlite:PATH" or a postgres:// URL, which
// may hold a password. It prints with the password redacted.
type Storage string

// Value returns the address itself, password included.
func (s Storage) Value() string { return string(s) }

func (s Storage) String() string {
	v := string(s)
	if strings.HasPrefix(v, "sqlite:") || !strings.Contains(v, "://") {
		return v
	}
	// Whatever the URL's shape (a password may hold '/' or '%' when it was
	// not encoded), what lies between "scheme://user:" and the last '@'
	// before the host is the password.
	scheme, rest, _ := strings.Cut(v, "://")
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if user, _, hasPass := strings.Cut(rest[:at], ":"); hasPass {
			rest = user + ":xxxxx" + rest[at:]
		}
	}
	if i := strings.Index(rest, "password="); i >= 0 {
		end := strings.IndexAny(rest[i:], "& ")
		if end < 0 {
			end = len(rest) - i
		}
		rest = rest[:i] + "password=xxxxx" + rest[i+end:]
	}
	return scheme + "://" + rest
}

// GoString keeps %#v from printing the password.
func (s Storage) GoString() string { return `config.Storage("` + s.String() + `")` }

// MarshalYAML redacts the password in any YAML dump of the config.
func (s Storage) MarshalYAML() (any, error) { return s.String(), nil }

// MarshalText and LogValue redact it in JSON and in logs.
func (s Storage) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
func (s Storage) LogValue() slog.Value         { return slog.StringValue(s.String()) }
