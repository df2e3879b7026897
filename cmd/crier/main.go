// Command crier watches news feeds and posts summaries of new articles to
// Telegram, Mastodon and the console.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

const usage = `crier watches news feeds and posts summaries of new articles.

Usage:
  crier run      --config FILE   poll on schedule and deliver until stopped (SIGINT/SIGTERM)
  crier once     --config FILE   poll every source once, deliver what is pending, exit
  crier preview  --config FILE [--items N] SOURCE_ID|FEED_URL
                                 print what each target would receive; posts and records nothing
  crier status   --config FILE   print sources, targets and recent duplicate stories from the store
  crier resume   --config FILE ID...
                                 let paused targets (chat gone, bot blocked, token revoked) post again,
                                 and paused sources (too many failed polls) be polled again
  crier validate --config FILE [--print]
                                 check the configuration; --print shows it with secrets redacted
  crier backup   --config FILE OUT.db
                                 copy the SQLite store to OUT.db, safely while crier runs
  crier import opml --config FILE [--by ADMIN_ID] LIST.opml
                                 follow a list's feeds as sources added by command, answered
                                 for by ADMIN_ID (default: the first of telegram.admins); feeds
                                 already followed are left alone. A running crier polls them
                                 within 30 seconds
  crier export opml --config FILE
                                 write every source, with its category, as OPML to stdout
  crier healthcheck --config FILE [--ready] [--url URL]
                                 ask a running crier's http.listen whether it is alive (ready);
                                 exit 0 if so: the container's HEALTHCHECK
  crier version                  print the version
`

func main() {
	mem := os.Getenv("CRIER_MEMPROFILE")
	if mem == "" {
		// No heap profile wanted: the runtime would otherwise record a
		// sample's stack per half megabyte allocated, 1.5 MB of records
		// after a cycle over 2,000 sources.
		runtime.MemProfileRate = 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	endProfiles := startProfiles(os.Getenv("CRIER_CPUPROFILE"), mem)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.LookupEnv)
	endProfiles()
	stop()
	os.Exit(code)
}

// run is main without the process: tests call it with their own streams and
// environment. It returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "run":
		return cmdRun(ctx, rest, stdout, stderr, env)
	case "once":
		return cmdOnce(ctx, rest, stdout, stderr, env)
	case "preview":
		return cmdPreview(ctx, rest, stdout, stderr, env)
	case "status":
		return cmdStatus(ctx, rest, stdout, stderr, env)
	case "resume":
		return cmdResume(ctx, rest, stdout, stderr, env)
	case "validate":
		return cmdValidate(rest, stdout, stderr, env)
	case "backup":
		return cmdBackup(ctx, rest, stdout, stderr, env)
	case "import":
		return cmdImport(ctx, rest, stdout, stderr, env)
	case "export":
		return cmdExport(ctx, rest, stdout, stderr, env)
	case "healthcheck":
		return cmdHealthcheck(ctx, rest, stdout, stderr, env)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "crier", fullVersion())
		return 0
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "crier: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}
