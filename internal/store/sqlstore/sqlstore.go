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
	// CacheStatements keeps prepared statements (SQLite, whose driver
	// would parse each query anew; pgx caches statements itself).
	CacheStatements bool
	// StoryLock runs before a new story is compared with the recent ones,
	// for the same reason: of two copies enqueued at once, one must see
	// the other.
	StoryLock string
}

// Store implements store.Store on a database/sql handle.
type Store struct {
	db        *DB
	dialect   Dialect
	now       func() time.Time
	closeFn   func() error
	claimTurn atomic.Uint64 // which part of a long target list claims first
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
	r := newRebinder(d.Numbered)
	var stmts *stmtCache
	if d.CacheStatements {
		stmts = &stmtCache{r: r, stmts: map[string]*sql.Stmt{}, pending: map[string]bool{}}
	}
	return &Store{db: &DB{DB: db, r: r, stmts: stmts}, dialect: d, now: now, closeFn: func() error {
		stmts.close()
		return closeFn()
	}}
}

// Exec runs a statement outside the store's queries (benchmarks, tools).
func (s *Store) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return s.db.ExecContext(ctx, q, args...)
}

// QueryRow runs a one-row query outside the store's queries ('?'
// placeholders, as everywhere here).
func (s *Store) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, q, args...)
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
	if err := fn(&Tx{Tx: tx, r: s.db.r, db: s.db.DB, stmts: s.db.stmts}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// DB and Tx run the package's '?' queries in the engine's placeholders,
// through prepared statements where the dialect wants them kept.
type DB struct {
	*sql.DB
	r     *rebinder
	stmts *stmtCache // nil: every query is prepared anew (pgx caches its own)
}

func (d *DB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := d.stmts.get(ctx, d.DB, q, false); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return d.DB.ExecContext(ctx, d.r.bind(q), args...)
}
func (d *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := d.stmts.get(ctx, d.DB, q, false); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return d.DB.QueryContext(ctx, d.r.bind(q), args...)
}
func (d *DB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := d.stmts.get(ctx, d.DB, q, false); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return d.DB.QueryRowContext(ctx, d.r.bind(q), args...)
}

type Tx struct {
	*sql.Tx
	r     *rebinder
	db    *sql.DB
	stmts *stmtCache
	bound []boundStmt // the statements bound to this transaction so far
}

type boundStmt struct {
	q  string
	st *sql.Stmt
}

// stmt is the cached statement of q bound to the transaction, or nil. A
// statement is bound once per transaction: each binding is an object the
// transaction keeps until it ends (10,000 of them when 10,000 sources
// were synced in one).
func (t *Tx) stmt(ctx context.Context, q string) *sql.Stmt {
	for _, b := range t.bound {
		if b.q == q {
			return b.st
		}
	}
	if st := t.stmts.get(ctx, t.db, q, true); st != nil {
		st = t.Tx.StmtContext(ctx, st)
		t.bound = append(t.bound, boundStmt{q, st})
		return st
	}
	return nil
}

func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, t.r.bind(q), args...)
}
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, t.r.bind(q), args...)
}
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, t.r.bind(q), args...)
}

// PrepareContext binds q for the caller to run and close: a binding of its
// own, not the one the other methods share.
func (t *Tx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	if st := t.stmts.get(ctx, t.db, q, true); st != nil {
		return t.Tx.StmtContext(ctx, st), nil
	}
	return t.Tx.PrepareContext(ctx, t.r.bind(q))
}

// stmtCache keeps the prepared statements of the fixed queries: SQLite
// parses a statement's SQL every time it is prepared, which cost a fifth of a
// poll cycle's CPU. Queries with a list of placeholders (one shape per
// length) are left out once the cache is full.
//
// A statement is prepared on the pool, never while holding the cache's lock;
// a query first met inside a transaction is prepared in the background (the
// transaction holds a connection, and waiting there for another could
// starve the pool) and runs unprepared that once.
type stmtCache struct {
	r       *rebinder
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	pending map[string]bool
	closed  bool
	bg      sync.WaitGroup // background prepares; Close waits for them
}

const maxStatements = 256

func (c *stmtCache) get(ctx context.Context, db *sql.DB, q string, inTx bool) *sql.Stmt {
	if c == nil || len(q) > maxCachedQuery {
		return nil
	}
	c.mu.Lock()
	st, ok := c.stmts[q]
	skip := c.closed || c.pending[q] || len(c.stmts)+len(c.pending) >= maxStatements
	if !ok && !skip && inTx {
		c.pending[q] = true
		c.bg.Add(1)
	}
	c.mu.Unlock()
	switch {
	case ok:
		return st
	case skip:
		return nil
	case inTx:
		go func() {
			defer c.bg.Done()
			// Bounded: Close waits for it, and it may wait for a
			// connection.
			pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			c.prepare(pctx, db, q)
		}()
		return nil
	}
	return c.prepare(ctx, db, q)
}

func (c *stmtCache) prepare(ctx context.Context, db *sql.DB, q string) *sql.Stmt {
	st, err := db.PrepareContext(ctx, c.r.bind(q))
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, q)
	if err != nil {
		return nil // the plain path reports the error
	}
	if old, ok := c.stmts[q]; ok || c.closed {
		st.Close()
		return old
	}
	c.stmts[q] = st
	return st
}

// close closes the statements once no background prepare is left holding
// a connection (a connection closed after the database would leave SQLite's
// -wal and -shm files behind, or recreate them).
func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.closed = true // no new background prepares
	c.mu.Unlock()
	c.bg.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = map[string]*sql.Stmt{}
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
