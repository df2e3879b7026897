package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/crierhq/crier/internal/opml"
	"github.com/crierhq/crier/internal/sources"
)

// cmdImport adds the feeds of an OPML list as sources added by command,
// answered for by --by (default: the first telegram admin): the store
// requires a person behind every added source, and /remove works on them as
// on those added with /add. A running crier picks them up within
// sourcesRefresh (its replicas too) and polls each at once.
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	const usage = "usage: crier import opml --config FILE [--by ADMIN_ID] LIST.opml"
	if len(args) == 0 || args[0] != "opml" {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	fs, c := newFlags("import opml", stderr, env)
	by := fs.Int64("by", 0, "the Telegram user id answering for the sources (default: the first of telegram.admins)")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "crier import:", err)
		return 1
	}
	defer f.Close()
	feeds, err := opml.Parse(f)
	if err != nil {
		fmt.Fprintf(stderr, "crier import: %s: %v\n", fs.Arg(0), err)
		return 1
	}
	m, code := c.open(ctx, stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	if *by == 0 && len(m.cfg.Telegram.Admins) > 0 {
		*by = m.cfg.Telegram.Admins[0]
	}
	if *by <= 0 {
		fmt.Fprintln(stderr, "crier import: name the admin answering for the sources with --by ID (telegram.admins is empty)")
		return 2
	}
	rep, err := m.sources.Import(ctx, feeds, *by)
	printImport(stdout, rep)
	if err != nil {
		fmt.Fprintln(stderr, "crier import:", err)
		return 1
	}
	return 0
}

// printImport tells what an import did, one line per feed not added.
func printImport(w io.Writer, rep sources.ImportReport) {
	fmt.Fprintf(w, "%d added, %d already followed, %d refused\n", len(rep.Added), len(rep.Known), len(rep.Refused))
	for _, src := range rep.Added {
		fmt.Fprintf(w, "  added %s: %s\n", src.ID, src.URL)
	}
	for _, k := range rep.Known {
		fmt.Fprintf(w, "  line %d: %s is already followed as %s\n", k.Feed.Line, k.Feed.XMLURL, k.ID)
	}
	for _, r := range rep.Refused {
		why := r.Err.Error()
		if errors.Is(r.Err, sources.ErrMaxSources) {
			why = "telegram.max_added_sources reached"
		}
		fmt.Fprintf(w, "  line %d: refused %q: %s\n", r.Feed.Line, r.Feed.Title, why)
	}
}

// cmdExport writes every source, configured and added, as an OPML list to
// stdout.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	if len(args) == 0 || args[0] != "opml" {
		fmt.Fprintln(stderr, "usage: crier export opml --config FILE > LIST.opml")
		return 2
	}
	m, rest, code := openWithArgs(ctx, "export opml", args[1:], stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	if len(rest) != 0 {
		fmt.Fprintln(stderr, "usage: crier export opml --config FILE > LIST.opml")
		return 2
	}
	if err := opml.Write(stdout, "crier sources", m.now(), sources.AsFeeds(m.sources.All())); err != nil {
		fmt.Fprintln(stderr, "crier export:", err)
		return 1
	}
	return 0
}
