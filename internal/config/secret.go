package config

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
