package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/internal/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, clock *storetest.Clock) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "crier.db"), clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestDataSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "crier.db")
	s, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SyncSources(ctx, []model.Source{{ID: "a", Name: "A", URL: "file:///x"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveItems(ctx, "a", model.FetchState{ETag: "e"}, []model.Item{{Key: "k", State: model.ItemNew}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path, nil) // migrations run again and must be a no-op
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.FetchState(ctx, "a")
	if err != nil || st.ETag != "e" || !st.Initialized {
		t.Fatalf("state after reopen: %+v, %v", st, err)
	}
	if p, _ := s.PendingItems(ctx, "a", 10); len(p) != 1 {
		t.Errorf("pending after reopen = %d", len(p))
	}
}
