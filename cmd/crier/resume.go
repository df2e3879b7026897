package main

import (
	"context"
	"fmt"
	"io"
)

// cmdResume lifts the pause of targets the platform had refused (chat not
// found, bot blocked or removed, credentials revoked), once the cause is
// fixed: their kept posts go out on the next run.
func cmdResume(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	m, ids, code := openWithArgs(ctx, "resume", args, stdout, stderr, env)
	if m == nil {
		return code
	}
	defer m.Close()
	if len(ids) == 0 {
		fmt.Fprintln(stderr, "usage: crier resume --config FILE TARGET_ID...")
		return 2
	}
	status := 0
	for _, id := range ids {
		if !m.cfg.HasTarget(id) {
			fmt.Fprintf(stderr, "crier resume: no target %q in the config\n", id)
			status = 1
			continue
		}
		resumed, err := m.store.ResumeTarget(ctx, id)
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
