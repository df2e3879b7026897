package console_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crierhq/crier/internal/model"
	"github.com/crierhq/crier/publishers/console"
)

func TestPublishPrints(t *testing.T) {
	var b strings.Builder
	p := console.New(&b, "stdout")
	id1, err := p.Publish(context.Background(), model.Message{Text: "first"})
	if err != nil {
		t.Fatal(err)
	}
	id2, _ := p.Publish(context.Background(), model.Message{Text: "second"})
	if id1 != "1" || id2 != "2" {
		t.Errorf("ids %q %q", id1, id2)
	}
	out := b.String()
	if !strings.Contains(out, "── stdout #1 ") || !strings.Contains(out, "\nfirst\n") || !strings.Contains(out, "\nsecond\n") {
		t.Errorf("output:\n%s", out)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteFailureIsTransient(t *testing.T) {
	_, err := console.New(failingWriter{}, "x").Publish(context.Background(), model.Message{Text: "a"})
	var pe *model.PublishError
	if !errors.As(err, &pe) || pe.Permanent {
		t.Errorf("err = %v, want a transient PublishError", err)
	}
}
