package postgres_test

import (
	"context"
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
