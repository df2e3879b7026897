// Package sqlite is the embedded store: modernc.org/sqlite (pure Go, so static
// CGO_ENABLED=0 builds work) in WAL mode with foreign keys and a busy timeout,
// running store/sqlstore's queries.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQL store on one SQLite file.
type Store = sqlstore.Store

// Dialect is SQLite's: '?' placeholders; one writer at a time (write
// transactions take the lock up front), so claims need no lock of their own.
var Dialect = sqlstore.Dialect{Name: "sqlite", CacheStatements: true}

// Open opens (creating if needed) the database at path and migrates it. now
// is the clock (time.Now in production; tests inject their own).
func Open(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	// Write transactions take the lock up front, so two writers queue on the
	// busy timeout instead of failing on a lock upgrade.
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1) // every connection would be its own database
	} else {
		db.SetMaxOpenConns(4)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := store.Migrate(ctx, db, migrations, func(q string) string { return q }); err != nil {
		db.Close()
		return nil, err
	}
	return sqlstore.New(db, Dialect, now, nil), nil
}

// Backup writes a consistent copy of the database at path to out (which
// must not exist), while crier may be running: SQLite's VACUUM INTO reads
// one snapshot and writes a compact file.
func Backup(ctx context.Context, path, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("backup: %s exists", out)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return nil
}
