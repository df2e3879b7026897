package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

var gcMu sync.Mutex

// MaxFileSize bounds the config file; anything bigger is a mistake.
const MaxFileSize = 4 << 20

// Load reads, expands, defaults and validates the config file at path.
// lookupEnv resolves ${VAR} (os.LookupEnv in production). Every problem is
// reported at once in an *Error.
func Load(path string, lookupEnv func(string) (string, bool)) (*Config, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("read config %s: file is larger than %d bytes", path, MaxFileSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(data, dir, lookupEnv)
}

// Parse is Load for a document already in memory; dir anchors relative paths.
func Parse(data []byte, dir string, lookupEnv func(string) (string, bool)) (*Config, error) {
	// yaml.v3 holds the whole document as a tree of nodes while decoding:
	// about 2 KB per source, 20 MB at 10,000 sources, all garbage a moment
	// later. With the usual GC target (twice the live heap) the heap grew to
	// twice that before the tree could go; the process's peak memory was
	// this moment. Collecting more often while the tree is built costs a few
	// milliseconds. At 20 % the start was still a 10,000-source process's
	// peak now and then (47-55 MB); at 10 % it is 46.5-47.6 MB, for no CPU
	// the benchmark can see.
	gcMu.Lock() // the setting is the process's: one Parse at a time restores it
	defer gcMu.Unlock()
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	var errs problems
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{Problems: []string{yamlMessage(err)}}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{Problems: []string{"the file is empty"}}
	}
	unknownFields(&doc, &errs)
	expanded := map[int]bool{}
	expandNode(&doc, "", lookupEnv, &errs, expanded)

	cfg := &Config{Dir: dir}
	if err := doc.Decode(cfg); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, &Error{Problems: append(errs, yamlMessage(err))}
		}
		for _, m := range te.Errors {
			errs = append(errs, scrubTypeError(m, expanded))
		}
	}
	cfg.applyDefaults()
	cfg.readSecretFiles(&errs)
	cfg.validate(&errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func yamlMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// readSecretFiles fills token from token_file (container secrets).
func (c *Config) readSecretFiles(errs *problems) {
	read := func(path string, file string, dst *Secret) {
		if file == "" {
			return
		}
		if *dst != "" {
			errs.add(path, "set either the value or the _file, not both")
			return
		}
		v, err := readSecret(c.abs(file))
		if err != nil {
			errs.add(path+"_file", "%v", err)
			return
		}
		*dst = Secret(v)
	}
	read("telegram.token", c.Telegram.TokenFile, &c.Telegram.Token)
	read("telegram.webhook.secret", c.Telegram.Webhook.SecretFile, &c.Telegram.Webhook.Secret)
	for i := range c.Targets {
		read(fmt.Sprintf("targets[%d].token", i), c.Targets[i].TokenFile, &c.Targets[i].Token)
	}
}

func readSecret(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		// The path is not secret; the content is never echoed.
		return "", fmt.Errorf("cannot read secret file %s: %v", path, errors.Unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return "", fmt.Errorf("cannot read secret file %s: %v", path, errors.Unwrap(err))
	}
	v := strings.TrimSpace(string(data))
	if v == "" {
		return "", fmt.Errorf("secret file %s is empty", path)
	}
	return v, nil
}

// abs resolves a path from the config against the config file's directory.
func (c *Config) abs(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// Redacted returns the configuration as YAML with every secret replaced.
func (c *Config) Redacted() string {
	out, err := yaml.Marshal(c)
	if err != nil {
		return "# cannot render config: " + err.Error()
	}
	return string(out)
}
