package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
)

// BenchmarkClaimBacklog measures one claim of 200 deliveries (20 per target)
// with a backlog of N pending deliveries on one target plus 50 other
// targets: the cost must grow linearly with the backlog, not with its square.
//
//	go test ./internal/store/sqlite -run '^$' -bench ClaimBacklog
func BenchmarkClaimBacklog(b *testing.B) {
	for _, backlog := range []int{1000, 4000, 16000} {
		b.Run(fmt.Sprint(backlog), func(b *testing.B) {
			ctx := context.Background()
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "c.db"), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			targets := []string{"big"}
			ts := []store.Target{{ID: "big", Publisher: "console"}}
			for i := 0; i < 50; i++ {
				id := fmt.Sprintf("t%d", i)
				targets = append(targets, id)
				ts = append(ts, store.Target{ID: id, Publisher: "console"})
			}
			s.SyncSources(ctx, []model.Source{{ID: "src", Name: "S", URL: "https://e.com/"}})
			s.SyncTargets(ctx, ts)
			var items []model.Item
			for i := 0; i < backlog; i++ {
				items = append(items, model.Item{Key: fmt.Sprint(i), Title: "t", State: model.ItemNew})
			}
			saved, err := s.SaveItems(ctx, "src", model.FetchState{}, items)
			if err != nil {
				b.Fatal(err)
			}
			for i, it := range saved {
				to := []string{"big"}
				if i < 500 {
					to = targets
				}
				if _, err := s.EnqueueDeliveries(ctx, store.Enqueue{ItemID: it.ID, Targets: to}); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ds, err := s.ClaimDeliveries(ctx, targets, 200, 20, time.Minute)
				if err != nil || len(ds) == 0 {
					b.Fatal(len(ds), err)
				}
				b.StopTimer()
				if err := s.Release(ctx, ds); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}
