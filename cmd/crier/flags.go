package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/crierhq/crier/internal/config"
)

// common holds the flags every config-reading command takes.
type common struct {
	config   string
	logLevel string
}

func newFlags(name string, stderr io.Writer, env func(string) (string, bool)) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &common{}
	def := "crier.yaml"
	if v, ok := env("CRIER_CONFIG"); ok && v != "" {
		def = v
	}
	fs.StringVar(&c.config, "config", def, "configuration file (env CRIER_CONFIG)")
	fs.StringVar(&c.logLevel, "log-level", "", "debug, info, warn or error (default: the config's log.level, else info)")
	return fs, c
}

// load reads the config and reports problems the way an operator wants them:
// every one, with its path, and no secret.
func (c *common) load(stderr io.Writer, env func(string) (string, bool)) (*config.Config, bool) {
	cfg, err := config.Load(c.config, env)
	if err != nil {
		var cerr *config.Error
		if errors.As(err, &cerr) {
			fmt.Fprintf(stderr, "crier: %s: %d problem(s):\n  %s\n", c.config, len(cerr.Problems), strings.Join(cerr.Problems, "\n  "))
		} else {
			fmt.Fprintf(stderr, "crier: %v\n", err)
		}
		return nil, false
	}
	return cfg, true
}

// logger logs to stderr as the config says (log.format, log.level), the
// --log-level flag overriding the level.
func (c *common) logger(stderr io.Writer, cfg config.Log) (*slog.Logger, error) {
	level := cmp.Or(c.logLevel, cfg.Level, "info")
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("invalid --log-level %q", level)
	}
	opts := &slog.HandlerOptions{Level: lvl}
	if cfg.Format == "json" {
		return slog.New(slog.NewJSONHandler(stderr, opts)), nil
	}
	return slog.New(slog.NewTextHandler(stderr, opts)), nil
}

// openFromFlags parses a daemon command's flags, loads the config and wires
// a Main. On failure it returns nil and the exit code, having said why.
func openFromFlags(ctx context.Context, name string, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) (*Main, int) {
	m, _, code := openWithArgs(ctx, name, args, stdout, stderr, env)
	return m, code
}

// openWithArgs is openFromFlags for commands that also take arguments after
// the flags; it returns them.
func openWithArgs(ctx context.Context, name string, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) (*Main, []string, int) {
	fs, c := newFlags(name, stderr, env)
	if err := fs.Parse(args); err != nil {
		return nil, nil, 2
	}
	m, code := c.open(ctx, stdout, stderr, env)
	return m, fs.Args(), code
}

// open loads the config and wires a Main once the flags are parsed, for
// commands with flags of their own.
func (c *common) open(ctx context.Context, stdout, stderr io.Writer, env func(string) (string, bool)) (*Main, int) {
	cfg, ok := c.load(stderr, env)
	if !ok {
		return nil, 1
	}
	log, err := c.logger(stderr, cfg.Log)
	if err != nil {
		fmt.Fprintln(stderr, "crier:", err)
		return nil, 2
	}
	m, err := Open(ctx, cfg, Deps{Stdout: stdout, Log: log})
	if err != nil {
		fmt.Fprintln(stderr, "crier:", err)
		return nil, 1
	}
	return m, 0
}
