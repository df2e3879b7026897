package main

import (
	"fmt"
	"io"

	"github.com/crierhq/crier/templates"
)

func cmdValidate(args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	fs, c := newFlags("validate", stderr, env)
	show := fs.Bool("print", false, "print the effective configuration, secrets redacted")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, ok := c.load(stderr, env)
	if !ok {
		return 1
	}
	set, err := templates.New(cfg.Template)
	if err == nil {
		err = checkTemplates(cfg, set)
	}
	if err != nil {
		fmt.Fprintf(stderr, "crier: %s: %v\n", c.config, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: OK (%d sources, %d targets)\n", c.config, len(cfg.Sources), len(cfg.Targets))
	if *show {
		fmt.Fprint(stdout, cfg.Redacted())
	}
	return 0
}
