package pipeline_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/fakes/feedserver"
	"github.com/crierhq/crier/internal/feeds"
	"github.com/crierhq/crier/internal/filter"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/pipeline"
)

// TestFilteredItemsAreRecordedWithTheirRule polls a feed through a source
// filter and a target filter and checks what the store keeps: deliveries
// skipped with the rule that matched, pending ones for the rest, and no new
// decision on the next poll.
func TestFilteredItemsAreRecordedWithTheirRule(t *testing.T) {
	e := setup(t, 0)
	tab := filter.NewTable()
	src, _ := filter.Compile(filter.Rules{Exclude: []filter.Rule{{Keyword: "sponsored", Fields: []string{"title", "categories"}}}})
	tg, _ := filter.Compile(filter.Rules{Include: []filter.Rule{{Keyword: "istanbul"}, {Keyword: "Армения"}}})
	tab.Source("news", src)
	tab.Target("tg", tg)
	follows := map[string][]string{"news": {"tg", "masto"}}
	p := pipeline.New(e.store, feeds.NewFetcher(feeds.Options{}), pipeline.Options{
		Targets: func(_ context.Context, id string) ([]string, error) { return follows[id], nil },
		Now:     e.clock.Now, Filters: tab}, slog.New(slog.NewTextHandler(io.Discard, nil)))

	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{item(1)})
	if _, err := p.Poll(ctx, e.src); err != nil { // first poll: all seen
		t.Fatal(err)
	}
	ad, tr, ru, other := item(2), item(3), item(4), item(5)
	ad.Title, ad.Categories = "Istanbul tours", []string{"Sponsored"}
	tr.Title = "İSTANBUL'DA KAR YAĞIŞI"
	ru.Title = "Новости: АРМЕНИЯ и Грузия"
	other.Title = "Weather in Paris"
	e.feeds.SetItems("/feed.xml", "News", []feedserver.Item{other, ru, tr, ad, item(1)})
	res, err := p.Poll(ctx, e.src)
	if err != nil {
		t.Fatal(err)
	}
	// ad: skipped for both; tr, ru: both targets; other: masto only.
	if res.New != 4 || res.Enqueued != 5 || res.Filtered != 3 {
		t.Errorf("poll = %+v; want 4 new, 5 enqueued, 3 filtered", res)
	}
	if got, want := strings.Join(e.claimAll(t), " "),
		"masto:guid:id-3 masto:guid:id-4 masto:guid:id-5 tg:guid:id-3 tg:guid:id-4"; got != want {
		t.Errorf("claimed %s\nwant    %s", got, want)
	}
	reasons := map[string]string{}
	for _, link := range []string{ad.Link, other.Link} {
		traces, err := e.store.TraceItems(ctx, 0, link, 1)
		if err != nil || len(traces) != 1 {
			t.Fatalf("trace %s: %v, %v", link, traces, err)
		}
		for _, d := range traces[0].Deliveries {
			if d.State == model.DeliverySkipped {
				reasons[traces[0].Item.Key+"@"+d.TargetID] = d.LastError
			}
		}
	}
	want := map[string]string{
		"guid:id-2@tg":    `filtered: source news filters.exclude[0]: keyword "sponsored" in categories`,
		"guid:id-2@masto": `filtered: source news filters.exclude[0]: keyword "sponsored" in categories`,
		"guid:id-5@tg":    `filtered: target tg filters.include: no rule matched (2 rules)`,
	}
	for k, w := range want {
		if reasons[k] != w {
			t.Errorf("%s skipped with %q, want %q", k, reasons[k], w)
		}
	}
	if len(reasons) != len(want) {
		t.Errorf("skipped: %v", reasons)
	}
	// The next poll decides nothing again.
	res, err = p.Poll(ctx, e.src)
	if err != nil || res.Enqueued != 0 || res.Filtered != 0 {
		t.Errorf("repeat poll: %+v, %v", res, err)
	}
}
