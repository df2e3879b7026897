package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store/postgres"
	"github.com/crierhq/crier/internal/store/postgres/pgtest"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/sqlstore"
)

// scenarioStore measures (d): the cost of the new-item check (a poll's
// SaveItems of a feed's ten items, all known) as the store grows to
// o.items items, and the database's size, on SQLite and PostgreSQL.
func scenarioStore(ctx context.Context, o options, dir string, w io.Writer) error {
	path := filepath.Join(dir, "store.db")
	st, err := sqlite.Open(ctx, path, time.Now)
	if err != nil {
		return err
	}
	size := func() int64 {
		var n int64
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(path + suffix); err == nil {
				n += fi.Size()
			}
		}
		return n
	}
	err = storeGrowth(ctx, "SQLite", st, o.items, size, w)
	st.Close()
	if err != nil || o.postgres == "" {
		return err
	}
	schema := "crier_bench_" + fmt.Sprint(time.Now().UnixNano())
	admin, err := postgres.Open(ctx, o.postgres, nil)
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return err
	}
	defer admin.Exec(context.WithoutCancel(ctx), "DROP SCHEMA "+schema+" CASCADE")
	pg, err := postgres.Open(ctx, pgtest.WithSearchPath(o.postgres, schema), time.Now)
	if err != nil {
		return err
	}
	defer pg.Close()
	pgSize := func() int64 {
		var n int64
		_ = admin.QueryRow(ctx, `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'`, schema).Scan(&n)
		return n
	}
	return storeGrowth(ctx, "PostgreSQL", pg, o.items, pgSize, w)
}

// storeGrowth fills a source of 100 feeds' worth of items and measures the
// check at each tenfold size from 10,000.
func storeGrowth(ctx context.Context, engine string, st *sqlstore.Store, total int, size func() int64, w io.Writer) error {
	if err := st.SyncSources(ctx, []model.Source{{ID: "big", Name: "Big", URL: "https://big.example/"}}); err != nil {
		return err
	}
	stored, batch := 0, 5000
	for mark := 10000; mark <= total; mark *= 10 {
		for stored < mark {
			var items []model.Item
			for i := range batch {
				items = append(items, model.Item{Key: fmt.Sprintf("guid:https://big.example/%d", stored+i),
					Title: "A title of a story", Link: fmt.Sprintf("https://big.example/%d", stored+i), State: model.ItemSeen})
			}
			if _, err := st.SaveItems(ctx, "big", model.FetchState{}, items); err != nil {
				return err
			}
			stored += batch
		}
		// A poll of an unchanged feed: its ten items, all known.
		const rounds = 300
		began := time.Now()
		for r := range rounds {
			var feed []model.Item
			base := (r * 997) % (stored - 10)
			for i := range 10 {
				feed = append(feed, model.Item{Key: fmt.Sprintf("guid:https://big.example/%d", base+i), Title: "A title of a story", State: model.ItemNew})
			}
			inserted, err := st.SaveItems(ctx, "big", model.FetchState{}, feed)
			if err != nil {
				return err
			}
			if len(inserted) != 0 {
				return fmt.Errorf("known items inserted again")
			}
		}
		per := time.Since(began) / rounds
		fmt.Fprintf(w, "(d) %s, %d items: new-item check of a 10-item feed %.0f µs, database %.1f MB\n",
			engine, stored, float64(per.Microseconds()), float64(size())/1e6)
	}
	return nil
}
