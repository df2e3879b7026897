// Package postgres is the store for several replicas: PostgreSQL through
// pgx's database/sql driver, running store/sqlstore's queries on the same
// versioned schema as SQLite.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQL store on PostgreSQL.
type Store = sqlstore.Store

// Advisory lock keys: crier's own, so they do not meet an application's
// sharing the database.
const (
	migrateLock = 0x637269657201 // "crier" 01
	claimLock   = 0x637269657202
	storyLock   = 0x637269657203
)

// Dialect is PostgreSQL's: numbered placeholders; claims and story checks
// take turns through transaction-scoped advisory locks, because replicas run
// them at once and each must see the ones before it.
var Dialect = sqlstore.Dialect{
	Name:      "postgres",
	Numbered:  true,
	ClaimLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", claimLock),
	StoryLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", storyLock),
}

// Open connects to dsn (postgres://user:pass@host/db?sslmode=...), migrates
// the schema (replicas starting together take turns) and returns the store.
func Open(ctx context.Context, dsn string, now func() time.Time) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's error quotes the DSN, password included: say less.
		return nil, fmt.Errorf("open store: the postgres:// address cannot be parsed")
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: postgres at %s: %w", cfg.Host, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return sqlstore.New(db, Dialect, now, nil), nil
}

// migrate applies the schema under a session lock, so that replicas
// starting at once do not run the same migration twice.
func migrate(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("SELECT pg_advisory_lock(%d)", migrateLock)); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("SELECT pg_advisory_unlock(%d)", migrateLock))
	return store.Migrate(ctx, db, migrations, sqlstore.Rebind)
}
