package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/postgres"
	"github.com/crierhq/crier/internal/store/postgres/pgtest"
	"github.com/crierhq/crier/internal/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, clock *storetest.Clock) store.Store {
		s, err := postgres.Open(context.Background(), pgtest.DSN(t), clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// Replicas start together: the migrations run once, whoever comes first.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	dsn := pgtest.DSN(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(context.Background(), dsn, nil)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("concurrent open: %v", err)
		}
	}
	s, err := postgres.Open(context.Background(), dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SyncSources(context.Background(), []model.Source{{ID: "a", Name: "A", URL: "https://a.example/"}}); err != nil {
		t.Fatal(err)
	}
}

func TestBadDSNDoesNotEchoThePassword(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://crier:hunter2-secret@127.0.0.1:1/x?connect_timeout=1&sslmode=bogus", nil)
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v", err)
	}
	_, err = postgres.Open(context.Background(), "postgres://crier:hunter2-secret@127.0.0.1:1/x?connect_timeout=1", nil)
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("unreachable: err = %v", err)
	}
}

// Three replicas claim from one database at once: no delivery is held by
// two workers, each is sent once, and each target's posts go in order.
func TestReplicasClaimWithoutOverlap(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	var replicas []*postgres.Store
	for range 3 {
		s, err := postgres.Open(ctx, dsn, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		replicas = append(replicas, s)
	}
	s := replicas[0]
	targets := []string{"t1", "t2", "t3", "t4", "t5"}
	var sts []store.Target
	for _, id := range targets {
		sts = append(sts, store.Target{ID: id, Publisher: "console"})
	}
	if err := s.SyncSources(ctx, []model.Source{{ID: "src", Name: "S", URL: "https://s.example/"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SyncTargets(ctx, sts); err != nil {
		t.Fatal(err)
	}
	var items []model.Item
	for i := range 40 {
		items = append(items, model.Item{Key: fmt.Sprintf("k%02d", i), Title: "T", State: model.ItemNew})
	}
	saved, err := s.SaveItems(ctx, "src", model.FetchState{}, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range saved {
		if _, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: it.ID, Summary: []string{"S."}, Targets: targets}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	held := map[int64]bool{}
	sent := map[string][]string{} // target -> item keys in send order
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := replicas[w%3]
			for idle := 0; idle < 20; {
				ds, err := st.ClaimDeliveries(ctx, targets, 4, 1, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if len(ds) == 0 {
					idle++
					time.Sleep(5 * time.Millisecond)
					continue
				}
				idle = 0
				mu.Lock()
				for _, d := range ds {
					if held[d.ID] {
						t.Errorf("delivery %d claimed while another worker holds it", d.ID)
					}
					held[d.ID] = true
				}
				mu.Unlock()
				for _, d := range ds {
					mu.Lock()
					sent[d.TargetID] = append(sent[d.TargetID], d.Item.Key)
					delete(held, d.ID)
					mu.Unlock()
					if err := st.MarkSent(ctx, d, "x"); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, target := range targets {
		got := sent[target]
		if len(got) != 40 {
			t.Errorf("%s got %d posts, want 40", target, len(got))
		}
		for i := 1; i < len(got); i++ {
			if got[i] <= got[i-1] {
				t.Errorf("%s: %s sent after %s", target, got[i], got[i-1])
				break
			}
		}
	}
}

// A worker records a send while another replica's claim of the same
// delivery (whose lease it sees expired) waits on the row: the claim must
// not take the row back from 'sent'.
func TestClaimDoesNotRetakeARowMarkedSentMeanwhile(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	clockA, clockB := storetest.NewClock(), storetest.NewClock()
	a, err := postgres.Open(ctx, dsn, clockA.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := postgres.Open(ctx, dsn, clockB.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	a.SyncSources(ctx, []model.Source{{ID: "src", Name: "S", URL: "https://s.example/"}})
	a.SyncTargets(ctx, []store.Target{{ID: "t1", Publisher: "console"}})
	its, _ := a.SaveItems(ctx, "src", model.FetchState{}, []model.Item{{Key: "k", Title: "T", State: model.ItemNew}})
	a.EnqueueDeliveries(ctx, store.Enqueue{ItemID: its[0].ID, Targets: []string{"t1"}})
	ds, err := a.ClaimDeliveries(ctx, []string{"t1"}, 10, 1, time.Minute)
	if err != nil || len(ds) != 1 {
		t.Fatal(ds, err)
	}
	clockB.Advance(2 * time.Minute) // B sees A's lease expired (a slow send)

	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A's MarkSent, its transaction held open.
	if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET state = 'sent', remote_id = 'm1', claim_token = 0, claimed_until = 0
		WHERE id = $1 AND claim_token = $2`, ds[0].ID, ds[0].Claim); err != nil {
		t.Fatal(err)
	}
	got := make(chan []model.Delivery, 1)
	go func() {
		r, err := b.ClaimDeliveries(ctx, []string{"t1"}, 10, 1, time.Minute)
		if err != nil {
			t.Error(err)
		}
		got <- r
	}()
	// B's claim is waiting for A's row lock.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`).Scan(&waiting)
		if waiting > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the second claim never waited on the row")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if r := <-got; len(r) != 0 {
		t.Errorf("a delivery marked sent was claimed again: it would be posted twice")
	}
	var state string
	raw.QueryRowContext(ctx, `SELECT state FROM deliveries WHERE id = $1`, ds[0].ID).Scan(&state)
	if state != "sent" {
		t.Errorf("state %q, want sent", state)
	}
}

// Two replicas enqueue two copies of one story at the same moment: one is
// recorded as the other's duplicate, every time.
func TestConcurrentCopiesOfAStoryAreSeen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	var replicas []*postgres.Store
	for range 2 {
		s, err := postgres.Open(ctx, dsn, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		replicas = append(replicas, s)
	}
	s := replicas[0]
	s.SyncSources(ctx, []model.Source{{ID: "a", Name: "A", URL: "https://a.example/"}, {ID: "b", Name: "B", URL: "https://b.example/"}})
	s.SyncTargets(ctx, []store.Target{{ID: "t1", Publisher: "console"}})
	for round := range 20 {
		var ids [2]int64
		for i, src := range []string{"a", "b"} {
			saved, err := s.SaveItems(ctx, src, model.FetchState{}, []model.Item{{Key: fmt.Sprintf("k%d", round), Title: "T", State: model.ItemNew}})
			if err != nil || len(saved) != 1 {
				t.Fatal(saved, err)
			}
			ids[i] = saved[0].ID
		}
		band := int64(1000 + round)
		results := make([]store.Enqueued, 2)
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st := &store.Story{Print: []byte{byte(round)}, Bands: []int64{band}, Since: time.Now().Add(-time.Hour),
					Same: func([]byte) bool { return true }}
				r, err := replicas[i].EnqueueDeliveries(ctx, store.Enqueue{ItemID: ids[i], Summary: []string{"S."}, Targets: []string{"t1"}, Story: st})
				if err != nil {
					t.Error(err)
				}
				results[i] = r
			}()
		}
		wg.Wait()
		dups := 0
		for _, r := range results {
			if r.DuplicateOf != 0 {
				dups++
			}
		}
		if dups != 1 || results[0].Created+results[1].Created != 1 {
			t.Fatalf("round %d: %+v: want one original posted and one duplicate skipped", round, results)
		}
	}
}
