package config

import (
	"net/url"
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

// Storage is the store's address: "sqlite:PATH" or a postgres:// URL, which
// may hold a password. It prints with the password redacted.
type Storage string

// Value returns the address itself, password included.
func (s Storage) Value() string { return string(s) }

func (s Storage) String() string {
	u, err := url.Parse(string(s))
	if err != nil || u.Scheme == "sqlite" || u.Scheme == "" {
		if strings.Contains(string(s), "@") && !strings.HasPrefix(string(s), "sqlite:") {
			return redacted // unparsable, and may hold credentials
		}
		return string(s)
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// GoString keeps %#v from printing the password.
func (s Storage) GoString() string { return `config.Storage("` + s.String() + `")` }

// MarshalYAML redacts the password in any YAML dump of the config.
func (s Storage) MarshalYAML() (any, error) { return s.String(), nil }
