package main

import (
	"context"
	"io"
)

func scenarioPipeline(o options, w io.Writer) error                                { return nil }
func scenarioFanout(ctx context.Context, o options, dir string, w io.Writer) error { return nil }
func scenarioStore(ctx context.Context, o options, dir string, w io.Writer) error  { return nil }
