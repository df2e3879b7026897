package config_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/config"
)

const (
	tgToken   = "123456:AAE-secret-telegram-token"
	mastToken = "mastodon-secret-token-xyz"
)

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

var fullEnv = env(map[string]string{"CRIER_TELEGRAM_TOKEN": tgToken, "CRIER_MASTODON_TOKEN": mastToken})

func TestLoadContractExample(t *testing.T) {
	cfg, err := config.Load("testdata/full.yaml", fullEnv)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := filepath.Abs("testdata")
	if want := "sqlite:" + filepath.Join(dir, "data/crier.db"); cfg.Storage.Value() != want {
		t.Errorf("storage = %q, want %q (relative to the config file)", cfg.Storage.Value(), want)
	}
	if cfg.Location == nil || cfg.Location.String() != "Europe/Istanbul" {
		t.Errorf("location = %v", cfg.Location)
	}
	if cfg.Telegram.Token.Value() != tgToken || cfg.Targets[1].Token.Value() != mastToken {
		t.Error("tokens not expanded from the environment")
	}
	if got := cfg.Targets[1].Template; got != "mastodon.txt.tmpl" {
		t.Errorf("default mastodon template = %q", got)
	}
	if got := cfg.TargetsFor("asbarez"); len(got) != 3 {
		t.Errorf("TargetsFor(asbarez) = %d targets, want 3", len(got))
	}
	if cfg.Sources[0].Schedule != "*/5 * * * *" || cfg.Telegram.Admins[0] != 123456789 {
		t.Errorf("fields not decoded: %+v", cfg.Sources[0])
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	cfg, err := config.Load("testdata/full.yaml", fullEnv)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{
		"Redacted": cfg.Redacted(),
		"%v":       fmt.Sprintf("%v", cfg),
		"%+v":      fmt.Sprintf("%+v", cfg),
		"%#v":      fmt.Sprintf("%#v", cfg),
		"%s":       fmt.Sprintf("%s", cfg.Telegram.Token),
		"%q":       fmt.Sprintf("%q", cfg.Targets[1].Token),
	} {
		if strings.Contains(out, tgToken) || strings.Contains(out, mastToken) {
			t.Errorf("%s leaks a secret: %s", name, out)
		}
	}
	if !strings.Contains(cfg.Redacted(), "[redacted]") {
		t.Error("Redacted() does not mark the secrets")
	}
}

func TestTokenFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tg"), []byte(tgToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	doc := `
telegram: {token_file: tg}
sources: [{id: a, url: "https://example.com/feed"}]
targets: [{id: c, publisher: telegram, chat: "-1001234"}]
`
	cfg, err := config.Parse([]byte(doc), dir, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Telegram.Token.Value() != tgToken {
		t.Errorf("token from file = %q", cfg.Telegram.Token.Value())
	}
}

func TestFileURLsResolvedAgainstConfigDir(t *testing.T) {
	doc := `
sources:
  - {id: rel, url: "file:feeds/sample.xml"}
  - {id: abs, url: "file:///srv/feed.xml"}
targets: [{id: out, publisher: console}]
`
	cfg, err := config.Parse([]byte(doc), "/etc/crier", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Sources[0].URL; got != "file:///etc/crier/feeds/sample.xml" {
		t.Errorf("relative file URL = %q", got)
	}
	if got := cfg.Sources[1].URL; got != "file:///srv/feed.xml" {
		t.Errorf("absolute file URL = %q", got)
	}
	if cfg.Sources[0].Name != "rel" {
		t.Errorf("name default = %q, want the id", cfg.Sources[0].Name)
	}
}

func TestEnvExpansionFillsNumbersAndEscapes(t *testing.T) {
	doc := `
telegram: {token: "${TG}", admins: ["${ADMIN}"]}
sources: [{id: a, url: "https://example.com/feed?a=$$1", backfill: "${N}"}]
targets: [{id: c, publisher: telegram, chat: "${CHAT}"}, {id: n, publisher: telegram, chat: "${NUM}"}]
`
	cfg, err := config.Parse([]byte(doc), "/x", env(map[string]string{"TG": "1:abc", "ADMIN": "42", "N": "3", "CHAT": "@news_channel", "NUM": "-100123"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Telegram.Admins[0] != 42 || cfg.Sources[0].Backfill != 3 || cfg.Targets[0].Chat != "@news_channel" || cfg.Targets[1].Chat != "-100123" {
		t.Errorf("expansion: admins=%v backfill=%d chat=%q", cfg.Telegram.Admins, cfg.Sources[0].Backfill, cfg.Targets[0].Chat)
	}
	if cfg.Sources[0].URL != "https://example.com/feed?a=$1" {
		t.Errorf("$$ escape: %q", cfg.Sources[0].URL)
	}
}

func TestValidationReportsEveryProblemWithPath(t *testing.T) {
	doc := `
storage: mysql://nope
schedule: "every minute"
timezone: Mars/Olympus
telegram:
  token: ${MISSING_TOKEN}
  api_endpoint: https://api.telegram.org/bot
  admins: [-5]
sources:
  - id: Bad ID
    url: ftp://example.com/feed
    backfill: -1
  - id: dup
    url: https://example.com/a
    schedule: "61 * * * *"
    category: "Tech//Go "
  - id: dup
    url: file://host/feed.xml
targets:
  - id: tg
    publisher: telegram
    sources: [nope]
    server: https://x.example
  - id: masto
    publisher: mastodon
    visibility: everyone
    chat: "@somewhere"
  - id: dup
    publisher: carrier-pigeon
  - id: fmt
    publisher: console
    template: ../../etc/passwd
    colour: red
    images: true
  - id: pics
    publisher: telegram
    chat: "@pics"
    image_layout: preview
    disable_web_page_preview: true
  - id: album
    publisher: telegram
    chat: "@album"
    image_layout: gallery
  - id: toot2
    publisher: mastodon
    server: https://m.example
    token: t
    image_layout: caption
`
	_, err := config.Parse([]byte(doc), "/x", env(nil))
	var cerr *config.Error
	if !errors.As(err, &cerr) {
		t.Fatalf("want *config.Error, got %v", err)
	}
	want := []string{
		"storage: unknown storage",
		"schedule: invalid cron expression",
		"timezone: unknown time zone",
		"telegram.token: environment variable MISSING_TOKEN is not set",
		"telegram.api_endpoint: must contain %s twice",
		"telegram.admins[0]: must be a positive",
		"sources[0].id: \"Bad ID\" must be",
		"sources[0].url: unsupported scheme \"ftp\"",
		"sources[0].backfill: must be between",
		"sources[1].schedule: invalid cron expression",
		"sources[1].category: must be folder names separated by \"/\" (such as \"Tech/Go\")",
		"sources[2].id: \"dup\" is already used by sources[1]",
		"sources[2].url: file URL has a host",
		"targets[0].chat: required",
		"targets[0].sources[0]: unknown source \"nope\"",
		"targets[0].server: not used by publisher telegram",
		"targets[1].server: required",
		"targets[1].token: required",
		"targets[1].visibility: must be one of",
		"targets[1].chat: not used by publisher mastodon",
		"targets[2].id: \"dup\" is already used by sources[1]",
		"targets[2].publisher: unknown publisher \"carrier-pigeon\"",
		"targets[3].template: must be a file name",
		"targets[3].images: not used by publisher console",
		"targets[4].image_layout: preview shows the image in the link preview",
		"targets[5].image_layout: must be caption, photo_then_text or preview",
		"targets[6].image_layout: not used by publisher mastodon",
		"field colour not found",
	}
	for _, w := range want {
		found := false
		for _, p := range cerr.Problems {
			found = found || strings.Contains(p, w)
		}
		if !found {
			t.Errorf("missing problem %q", w)
		}
	}
	if len(cerr.Problems) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(cerr.Problems), len(want), strings.Join(cerr.Problems, "\n"))
	}
}

func TestInvalidDocuments(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"empty", "", "empty"},
		{"not yaml", "sources: [", "did not find expected"},
		{"wrong type", "sources: {id: a}\ntargets: [{id: c, publisher: console}]", "cannot unmarshal"},
		{"no sources or targets", "storage: sqlite:x.db", "at least one source"},
		{"bad duration", "fetch: {timeout: soon}\nsources: [{id: a, url: 'https://e.com/'}]\ntargets: [{id: c, publisher: console}]", "invalid duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse([]byte(tt.doc), "/x", env(nil))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestErrorsNeverEchoSecrets(t *testing.T) {
	doc := `
telegram: {token: "bad token/with slash"}
sources: [{id: a, url: "https://e.com/"}]
targets:
  - {id: c, publisher: telegram, chat: "@chan_nel"}
  - {id: m, publisher: console, token: "console-secret-value"}
`
	_, err := config.Parse([]byte(doc), "/x", env(nil))
	if err == nil {
		t.Fatal("want errors")
	}
	if strings.Contains(err.Error(), "bad token/with slash") || strings.Contains(err.Error(), "console-secret-value") {
		t.Errorf("error echoes a secret: %v", err)
	}
}

func TestTypeErrorsNeverEchoEnvironmentValues(t *testing.T) {
	doc := `
telegram:
  token: x
  admins:
    - "${SECRET}"
    - notanumber
sources: [{id: a, url: "https://e.com/"}]
targets: [{id: c, publisher: telegram, chat: "@chan_nel"}]
`
	_, err := config.Parse([]byte(doc), "/x", env(map[string]string{"SECRET": "mastodon-secret-token-value"}))
	if err == nil {
		t.Fatal("want a type error")
	}
	if strings.Contains(err.Error(), "mastodo") {
		t.Errorf("error echoes an environment value: %v", err)
	}
	if !strings.Contains(err.Error(), "a value from the environment") || !strings.Contains(err.Error(), "notanumber") {
		t.Errorf("error lost its detail: %v", err)
	}
}

func TestWebhookConfig(t *testing.T) {
	base := `
storage: sqlite:c.db
telegram:
  token: ${CRIER_TELEGRAM_TOKEN}
  updates: webhook
%s
sources: [{id: news, url: "https://example.com/feed"}]
targets: [{id: tg, publisher: telegram, chat: "@news_channel"}]
`
	good := `  webhook: {url: "https://bot.example.com/telegram/hook", secret: "${HOOK_SECRET}"}
http: {listen: "127.0.0.1:8080"}`
	vars := env(map[string]string{"CRIER_TELEGRAM_TOKEN": tgToken, "HOOK_SECRET": "s3cret_-Value"})
	cfg, err := config.Parse([]byte(fmt.Sprintf(base, good)), "/x", vars)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Telegram.Webhook.Secret.Value() != "s3cret_-Value" || cfg.HTTP.Listen != "127.0.0.1:8080" {
		t.Errorf("webhook config %+v, http %+v", cfg.Telegram.Webhook, cfg.HTTP)
	}
	if dump := fmt.Sprintf("%v %+v", cfg, cfg.Telegram); strings.Contains(dump, "s3cret") {
		t.Errorf("the secret printed: %s", dump)
	}
	bad := map[string]string{
		`  webhook: {secret: "abc"}
http: {listen: ":8080"}`: "telegram.webhook.url: required",
		`  webhook: {url: "http://bot.example.com/hook", secret: "abc"}
http: {listen: ":8080"}`: "telegram.webhook.url: must be an https URL",
		`  webhook: {url: "https://bot.example.com:9000/hook", secret: "abc"}
http: {listen: ":8080"}`: "telegram.webhook.url: port 9000",
		`  webhook: {url: "https://bot.example.com/hook", secret: "has spaces and ünicode"}
http: {listen: ":8080"}`: "telegram.webhook.secret: required: 1-256 characters",
		`  webhook: {url: "https://bot.example.com/hook"}
http: {listen: ":8080"}`: "telegram.webhook.secret: required",
		`  webhook: {url: "https://bot.example.com/hook", secret: "abc"}`: "http.listen: required when telegram.updates is webhook",
		`  webhook: {url: "https://bot.example.com/hook", secret: "abc"}
http: {listen: "8080"}`: `http.listen: "8080" is not host:port`,
		`  webhook: {url: "https://bot.example.com/{x}", secret: "abc"}
http: {listen: ":8080"}`: `path "/{x}" is not available`,
		`  webhook: {url: "https://bot.example.com/a%20b", secret: "abc"}
http: {listen: ":8080"}`: `path "/a b" is not available`,
	}
	for doc, want := range bad {
		_, err := config.Parse([]byte(fmt.Sprintf(base, doc)), "/x", vars)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s\n: %v, want %q", doc, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "ünicode") {
			t.Errorf("the secret echoed: %v", err)
		}
	}
	// A self-hosted Bot API server posts over plain http, to any port.
	selfHosted := strings.Replace(base, "  updates: webhook", "  updates: webhook\n  api_endpoint: http://127.0.0.1:8081/bot%%s/%%s", 1)
	if _, err := config.Parse([]byte(fmt.Sprintf(selfHosted, `  webhook: {url: "http://crier:9000/hook", secret: "abc"}
http: {listen: ":9000"}`)), "/x", vars); err != nil {
		t.Errorf("self-hosted Bot API with an http webhook: %v", err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hook"), []byte("from_a_file\n"), 0o600)
	cfg, err = config.Parse([]byte(fmt.Sprintf(base, `  webhook: {url: "https://bot.example.com/hook", secret_file: hook}
http: {listen: ":8443"}`)), dir, vars)
	if err != nil || cfg.Telegram.Webhook.Secret.Value() != "from_a_file" {
		t.Errorf("secret_file: %v", err)
	}
}

func TestPostgresStorageHidesItsPassword(t *testing.T) {
	doc := `
storage: postgres://crier:${PG_PASSWORD}@db.internal:5432/crier?sslmode=require
sources: [{id: news, url: "https://example.com/feed"}]
targets: [{id: out, publisher: console}]
`
	cfg, err := config.Parse([]byte(doc), "/x", env(map[string]string{"PG_PASSWORD": "pg-s3cret"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Storage.Value() != "postgres://crier:pg-s3cret@db.internal:5432/crier?sslmode=require" {
		t.Errorf("value %q", cfg.Storage.Value())
	}
	if dump := fmt.Sprintf("%v %+v %#v %s", cfg.Storage, cfg, cfg, cfg.Storage); strings.Contains(dump, "pg-s3cret") {
		t.Errorf("password printed: %s", dump)
	}
	for _, odd := range []string{"postgres://u:12/pg-s3cret@db/x", "postgres://u@db/x?password=pg-s3cret%zz&sslmode=disable",
		"postgres://u:pg-s3cret@db:5432/x?application_name=a@b"} {
		if got := config.Storage(odd).String(); strings.Contains(got, "pg-s3cret") {
			t.Errorf("%s printed as %s", odd, got)
		}
	}
	for _, bad := range []string{"postgres://u:pg-s3cret@/nohost", "postgress://u:pg-s3cret@h/db"} {
		_, err := config.Parse([]byte(strings.Replace(doc, "postgres://crier:${PG_PASSWORD}@db.internal:5432/crier?sslmode=require", bad, 1)), "/x", env(nil))
		if err == nil || strings.Contains(err.Error(), "pg-s3cret") {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

func TestAllowNetworks(t *testing.T) {
	doc := `
fetch: {allow_networks: [%s]}
sources: [{id: news, url: "https://example.com/feed"}]
targets: [{id: out, publisher: console}]
`
	if _, err := config.Parse([]byte(fmt.Sprintf(doc, `"10.20.0.0/16", "fd12:3456::/32"`)), "/x", env(nil)); err != nil {
		t.Errorf("valid networks: %v", err)
	}
	for _, wide := range []string{"0.0.0.0/0", "127.0.0.0/8", "169.254.0.0/16", "::/0", "fe80::/10", "10.0.0.0/1"} {
		_, err := config.Parse([]byte(fmt.Sprintf(doc, `"`+wide+`"`)), "/x", env(nil))
		if err == nil || !strings.Contains(err.Error(), "never allowed") {
			t.Errorf("%s: %v", wide, err)
		}
	}
	_, err := config.Parse([]byte(fmt.Sprintf(doc, `"10.20.0.0/16", "feeds.internal"`)), "/x", env(nil))
	if err == nil || !strings.Contains(err.Error(), `fetch.allow_networks[1]: "feeds.internal" is not a network`) {
		t.Errorf("a name for a network: %v", err)
	}
}

// JSON logs and JSON dumps redact as the text forms do.
func TestSecretsRedactedInJSONAndLogs(t *testing.T) {
	var buf strings.Builder
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	sec, st := config.Secret("123:tg-s3cret"), config.Storage("postgres://u:pg-s3cret@db/x")
	log.Info("x", "token", sec, "storage", st, "cfg", config.Telegram{Token: sec})
	dump, _ := json.Marshal(struct {
		T config.Secret
		S config.Storage
	}{sec, st})
	for _, out := range []string{buf.String(), string(dump)} {
		if strings.Contains(out, "s3cret") {
			t.Errorf("a secret in %s", out)
		}
	}
}

// Misspelt keys are found at every depth, with their line, and nothing
// else is: the check walks the parsed tree alongside Config's type.
func TestUnknownKeysAtEveryDepth(t *testing.T) {
	doc := `storage: sqlite:crier.db
telegram:
  token: "1:x"
  webhook: {url: "https://e.com/hook", secrett: "x"}
delivery: {timout: 5s}
sources:
  - {id: a, name: A, url: "https://e.com/feed", colour: red}
  - id: b
    url: "https://e.com/b"
    summary: {sentences: 2}
targets:
  - {id: out, publisher: console, summary: {chars: 200, words: 3}}
`
	_, err := config.Parse([]byte(doc), t.TempDir(), func(string) (string, bool) { return "", false })
	var cerr *config.Error
	if !errors.As(err, &cerr) {
		t.Fatalf("want problems, got %v", err)
	}
	var unknown []string
	for _, p := range cerr.Problems {
		if strings.Contains(p, "not found in") {
			unknown = append(unknown, p)
		}
	}
	want := []string{"line 4: field secrett not found in", "line 5: field timout not found in",
		"line 7: field colour not found in Source", "line 10: field summary not found in Source",
		"line 12: field words not found in"}
	if len(unknown) != len(want) {
		t.Fatalf("unknown keys reported: %q, want %d", unknown, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(unknown[i], w) {
			t.Errorf("problem %d is %q, want %q...", i, unknown[i], w)
		}
	}
}

// Keys merged from anchors (one or a list) are checked as well.
func TestUnknownKeysInMergedAnchors(t *testing.T) {
	doc := `x-a: &a {timeout: 5s, bogus: 1}
x-b: &b {max_backoff: 1m}
fetch:
  <<: [*a, *b]
sources:
  - {id: a, name: A, url: "https://e.com/feed"}
targets:
  - {id: out, publisher: console}
`
	_, err := config.Parse([]byte(doc), t.TempDir(), func(string) (string, bool) { return "", false })
	if err == nil || !strings.Contains(err.Error(), "field bogus not found in") {
		t.Fatalf("want the merged unknown key reported, got %v", err)
	}
}

func TestFiltersAndHashtagsDecoded(t *testing.T) {
	cfg, err := config.Load("testdata/full.yaml", fullEnv)
	if err != nil {
		t.Fatal(err)
	}
	src, tg := cfg.Sources[0].Filters, cfg.Targets[0]
	if len(src.Exclude) != 1 || src.Exclude[0].Keyword != "sponsored" || len(src.Exclude[0].Fields) != 2 {
		t.Errorf("source filters: %+v", src)
	}
	if len(tg.Filters.Include) != 2 || tg.Filters.Include[1].Regex != "elect(ion|ed)" {
		t.Errorf("target filters: %+v", tg.Filters)
	}
	if !tg.Hashtags.Categories || len(tg.Hashtags.Fixed) != 2 || tg.Hashtags.Max != 5 {
		t.Errorf("hashtags: %+v", tg.Hashtags)
	}
}

func TestFilterAndHashtagProblems(t *testing.T) {
	var many strings.Builder
	for i := 0; i < 101; i++ {
		fmt.Fprintf(&many, "{keyword: k%d}, ", i)
	}
	doc := `
sources:
  - id: a
    url: https://a.example/feed
    filters:
      include: [{regex: "elect(ion"}]
      exclude: [{keyword: ok}, {keyword: x, regex: y}, {keyword: z, fields: [body]}]
targets:
  - id: out
    publisher: console
    filters:
      exclude: [{regex: "` + strings.Repeat("a", 513) + `"}]
    hashtags: {fixed: ["2026", News], max: 31}
  - id: out2
    publisher: console
    filters:
      include: [` + many.String() + `]
`
	_, err := config.Parse([]byte(doc), "/x", env(nil))
	var cerr *config.Error
	if !errors.As(err, &cerr) {
		t.Fatalf("want *config.Error, got %v", err)
	}
	want := []string{
		"sources[0].filters.include[0].regex: invalid regular expression (Go RE2 syntax): missing closing )",
		"sources[0].filters.exclude[1]: set keyword or regex, not both",
		`sources[0].filters.exclude[2].fields[0]: unknown field "body"`,
		"targets[0].filters.exclude[0].regex: 513 bytes; at most 512 are allowed",
		"targets[0].hashtags.max: must be between 1 and 30",
		`targets[0].hashtags.fixed[0]: "2026" makes no hashtag`,
		"targets[1].filters: 101 rules; at most 100 are allowed",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("missing problem %q", w)
		}
	}
	if len(cerr.Problems) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(cerr.Problems), len(want), strings.Join(cerr.Problems, "\n"))
	}
}
