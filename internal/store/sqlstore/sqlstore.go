// Package sqlstore implements store.Store in SQL that SQLite and PostgreSQL
// both run: the queries are written once, with '?' placeholders, and a
// Dialect adapts what differs (placeholders, and how a claim transaction
// keeps out the others). store/sqlite and store/postgres open a database,
// migrate it with their own schema files, and wrap it here.
package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crierhq/crier/internal/store"
)

// Dialect is what differs between engines.
type Dialect struct {
	Name string
	// Numbered placeholders ($1, $2...) instead of '?'.
	Numbered bool
	// ClaimLock runs first in every claim transaction. PostgreSQL
	// replicas claim concurrently, and a target's order needs each claim
	// to see the ones before it: a transaction-scoped advisory lock makes
	// claims take turns (SQLite's write lock already does).
	ClaimLock string
	// StoryLock runs before a new story is compared with the recent ones,
	// for the same reason: of two copies enqueued at once, one must see
	// the other.
	StoryLock string
}

// Store implements store.Store on a database/sql handle.
type Store struct {
	db      *DB
	dialect Dialect
	now     func() time.Time
	closeFn func() error
}

var _ store.Store = (*Store)(nil)

// New wraps a migrated database. closeFn releases it (nil: db.Close).
func New(db *sql.DB, d Dialect, now func() time.Time, closeFn func() error) *Store {
	if now == nil {
		now = time.Now
	}
	if closeFn == nil {
		closeFn = db.Close
	}
	return &Store{db: &DB{DB: db, r: newRebinder(d.Numbered)}, dialect: d, now: now, closeFn: closeFn}
}

// Dialect tells the engine.
func (s *Store) Dialect() Dialect { return s.dialect }

// Close closes the database.
func (s *Store) Close() error { return s.closeFn() }

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *Store) millis() int64 { return s.now().UnixMilli() }

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

func toMillis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// inTx runs fn in a transaction that commits only if fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(&Tx{Tx: tx, r: s.db.r}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// DB and Tx run the package's '?' queries in the engine's placeholders.
type DB struct {
	*sql.DB
	r *rebinder
}

func (d *DB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.DB.ExecContext(ctx, d.r.bind(q), args...)
}
func (d *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, d.r.bind(q), args...)
}
func (d *DB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, d.r.bind(q), args...)
}

type Tx struct {
	*sql.Tx
	r *rebinder
}

func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.r.bind(q), args...)
}
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.r.bind(q), args...)
}
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.r.bind(q), args...)
}
func (t *Tx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.Tx.PrepareContext(ctx, t.r.bind(q))
}

// rebinder turns '?' placeholders into $1, $2... for engines that number
// them, remembering each query it has seen.
type rebinder struct {
	numbered bool
	cache    sync.Map // query -> rebound query
	size     atomic.Int64
}

func newRebinder(numbered bool) *rebinder { return &rebinder{numbered: numbered} }

func (r *rebinder) bind(q string) string {
	if !r.numbered || !strings.Contains(q, "?") {
		return q
	}
	if v, ok := r.cache.Load(q); ok {
		return v.(string)
	}
	out := Rebind(q)
	// Queries with a list of placeholders take many shapes (one per
	// length): only the short, fixed ones are worth remembering.
	if len(q) <= maxCachedQuery && r.size.Add(1) <= maxCachedQueries {
		r.cache.Store(q, out)
	}
	return out
}

const (
	maxCachedQuery   = 2048
	maxCachedQueries = 512
)

// Rebind numbers the '?' placeholders of q outside quoted strings,
// identifiers and -- comments.
func Rebind(q string) string {
	var b strings.Builder
	n := 0
	var in byte // the quote being read, or '-' in a comment
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case in == '-':
			if c == '\n' {
				in = 0
			}
		case in != 0:
			if c == in {
				in = 0
			}
		case c == '\'' || c == '"':
			in = c
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			in = '-'
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
