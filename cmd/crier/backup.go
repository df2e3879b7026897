package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/crierhq/crier/internal/store/sqlite"
)

// cmdBackup copies the SQLite store to a file while crier runs. PostgreSQL
// has its own tools (pg_dump).
func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	fs, c := newFlags("backup", stderr, env)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: crier backup --config FILE OUT.db")
		return 2
	}
	cfg, ok := c.load(stderr, env)
	if !ok {
		return 1
	}
	path, isSQLite := strings.CutPrefix(cfg.Storage.Value(), "sqlite:")
	if !isSQLite {
		fmt.Fprintln(stderr, "crier backup: the store is PostgreSQL: back it up with pg_dump")
		return 1
	}
	if err := sqlite.Backup(ctx, path, fs.Arg(0)); err != nil {
		fmt.Fprintln(stderr, "crier:", err)
		return 1
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", path, fs.Arg(0))
	return 0
}
