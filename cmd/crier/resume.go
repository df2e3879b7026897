package main

import (
	"context"
	"fmt"
	"io"
)

// cmdResume lifts the pause of targets the platform had refused (chat not
// found, bot blocked or removed, credentials revoked) and of sources that
// failed too often, once the cause is fixed: kept posts go out and the
// source is polled on the next run.
func cmdResume(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	m, ids, code := openWithArgs(ctx, "resume", args, stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	if len(ids) == 0 {
		fmt.Fprintln(stderr, "usage: crier resume --config FILE SOURCE_OR_TARGET_ID...")
		return 2
	}
	status := 0
	for _, id := range ids {
		var resumed bool
		var err error
		switch _, isSource := m.sources.Get(id); {
		case isSource:
			resumed, err = m.store.ResumeSource(ctx, id)
		case m.cfg.HasTarget(id):
			resumed, err = m.store.ResumeTarget(ctx, id)
		default:
			fmt.Fprintf(stderr, "crier resume: no source or target %q in the config\n", id)
			status = 1
			continue
		}
		switch {
		case err != nil:
			fmt.Fprintln(stderr, "crier resume:", err)
			status = 1
		case resumed:
			fmt.Fprintf(stdout, "%s resumed\n", id)
		default:
			fmt.Fprintf(stdout, "%s was not paused\n", id)
		}
	}
	return status
}
