package telegram_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crierhq/crier/internal/fakes/telegramapi"
	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/internal/store/postgres"
	"github.com/crierhq/crier/internal/store/postgres/pgtest"
	"github.com/crierhq/crier/internal/store/sqlite"
	"github.com/crierhq/crier/publishers/telegram"
)

// Three processes post to one channel with the same token. Each keeps the
// channel's limit on its own, so together they would send three times too
// many; sharing the pace through the store keeps Telegram from answering
// 429.
func TestSharedPaceAcrossProcesses(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			var stores []telegram.SharedPace
			switch engine {
			case "sqlite": // three handles on one file stand for three processes
				path := filepath.Join(t.TempDir(), "crier.db")
				for range 3 {
					s, err := sqlite.Open(context.Background(), path, nil)
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() { s.Close() })
					stores = append(stores, s)
				}
			case "postgres":
				dsn := pgtest.DSN(t)
				for range 3 {
					s, err := postgres.Open(context.Background(), dsn, nil)
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() { s.Close() })
					stores = append(stores, s)
				}
			}
			for _, shared := range []bool{false, true} {
				tooMany := sendFromThree(t, stores, shared)
				switch {
				case shared && tooMany != 0:
					t.Errorf("shared pace: %d answers of 429", tooMany)
				case !shared && tooMany == 0:
					t.Errorf("without sharing there were no 429s: the test proves nothing")
				}
			}
		})
	}
}

// sendFromThree sends 30 messages to one channel from three clients and
// counts the 429s.
func sendFromThree(t *testing.T, stores []telegram.SharedPace, shared bool) int {
	srv := telegramapi.New(telegramapi.Options{Token: token, Limits: telegramapi.Limits{
		PerChatInterval: 50 * time.Millisecond, PerChatBurst: 3, GroupMessages: 10, GroupWindow: time.Second,
		GlobalMessages: 30, GlobalWindow: time.Second}})
	defer srv.Close()
	srv.AddChat(telegramapi.Chat{ID: -1001, Username: "news_channel", Type: "channel"})
	limits := telegram.Limits{PerChatInterval: 50 * time.Millisecond, PerChatBurst: 2, GroupMessages: 10,
		GroupWindow: time.Second, GlobalMessages: 30, GlobalWindow: time.Second}
	var mu sync.Mutex
	tooMany := 0
	var wg sync.WaitGroup
	for i, st := range stores {
		c := telegram.NewClient(token, srv.Endpoint(), 5*time.Second, limits)
		if shared {
			c.SharePace(st)
		}
		p := c.Publisher("@news_channel", telegram.Options{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 10 {
				ctx := context.Background()
				if err := p.Wait(ctx); err != nil {
					t.Error(err)
					return
				}
				_, err := p.Publish(ctx, model.Message{Text: fmt.Sprintf("p%d-%d", i, n), Format: model.FormatPlain})
				var pe *model.PublishError
				if errors.As(err, &pe) && pe.RetryAfter > 0 {
					mu.Lock()
					tooMany++
					mu.Unlock()
				} else if err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	return tooMany
}
