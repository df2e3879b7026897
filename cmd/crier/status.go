package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/crierhq/crier/internal/model"
)

func cmdStatus(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	m, code := openFromFlags(ctx, "status", args, stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	if err := m.Status(ctx, stdout); err != nil {
		fmt.Fprintln(stderr, "crier status:", err)
		return 1
	}
	return 0
}

// Status writes what the store knows: each source's polls, each target's
// deliveries and the latest stories recognised as duplicates. It changes
// nothing.
func (m *Main) Status(ctx context.Context, w io.Writer) error {
	fmt.Fprintln(w, "sources:")
	for _, s := range m.sources.All() {
		st, err := m.store.FetchState(ctx, s.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s: last poll %s, last success %s, last new item %s, %d consecutive error(s)",
			s.ID, when(st.LastPolledAt), when(st.LastSuccessAt), when(st.LastNewItemAt), st.ConsecutiveErrors)
		if st.LastError != "" {
			fmt.Fprintf(w, " (%s)", st.LastError)
		}
		if st.MovedTo != "" && st.MovedFrom == s.URL {
			fmt.Fprintf(w, "; moved permanently to %s", st.MovedTo)
		}
		if st.PausedReason != "" {
			fmt.Fprintf(w, "; PAUSED since %s: %s", when(st.PausedAt), st.PausedReason)
		} else if st.RetryAt.After(m.now()) {
			fmt.Fprintf(w, "; next try %s", when(st.RetryAt))
		}
		fmt.Fprintln(w)
	}
	counts, err := m.store.DeliveryCounts(ctx)
	if err != nil {
		return err
	}
	states, err := m.store.TargetStates(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "targets:")
	for _, t := range m.cfg.Targets {
		c := counts[t.ID]
		fmt.Fprintf(w, "  %s: %d pending, %d sent, %d failed, %d skipped as duplicates", t.ID,
			c[model.DeliveryPending]+c[model.DeliverySending], c[model.DeliverySent], c[model.DeliveryFailed], c[model.DeliverySkipped])
		if st := states[t.ID]; st.PausedReason != "" {
			fmt.Fprintf(w, "; PAUSED since %s: %s", when(st.PausedAt), st.PausedReason)
		}
		fmt.Fprintln(w)
	}
	dups, err := m.store.RecentDuplicates(ctx, 20)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "recent duplicates:")
	if len(dups) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, d := range dups {
		fmt.Fprintf(w, "  %s %q duplicates %s %q (skipped for %d target(s))\n",
			d.SourceName, d.Item.Title, d.OriginalSource, d.Original.Title, d.Skipped)
	}
	return nil
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format(time.RFC3339)
}
