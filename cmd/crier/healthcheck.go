package main

import (
	"os"

	"context"
	"fmt"
	"gopkg.in/yaml.v3"
	"io"
	"net"
	"net/http"
	"time"
)

// cmdHealthcheck asks a running crier's listener whether it is alive (or,
// with --ready, ready): the container's HEALTHCHECK, which has no curl in an
// empty image. Exit 0 when it is, 1 when not.
func cmdHealthcheck(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	fs, c := newFlags("healthcheck", stderr, env)
	url := fs.String("url", "", "the address to ask (default: http://<http.listen>/healthz from the config)")
	ready := fs.Bool("ready", false, "ask /readyz (store reachable, schedules running) instead of /healthz")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	path := "/healthz"
	if *ready {
		path = "/readyz"
	}
	if *url == "" {
		// Only http.listen is read: the healthcheck must not need the
		// secrets the rest of the config names.
		listen, err := listenOf(c.config, env)
		if err != nil {
			fmt.Fprintln(stderr, "crier healthcheck:", err)
			return 1
		}
		if listen == "" {
			fmt.Fprintln(stderr, "crier healthcheck: http.listen is not set in the config: there is nothing to ask")
			return 1
		}
		host, port, _ := net.SplitHostPort(listen)
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "127.0.0.1"
		}
		*url = "http://" + net.JoinHostPort(host, port) + path
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		fmt.Fprintln(stderr, "crier healthcheck:", err)
		return 1
	}
	// Straight to the listener: no proxy from the environment.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		fmt.Fprintln(stderr, "crier healthcheck:", err)
		return 1
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "crier healthcheck: %s answered %s\n", *url, resp.Status)
		return 1
	}
	fmt.Fprintln(stdout, "ok")
	return 0
}

// listenOf reads http.listen from the config file, ${VAR} expanded.
func listenOf(path string, env func(string) (string, bool)) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var doc struct {
		HTTP struct {
			Listen string `yaml:"listen"`
		} `yaml:"http"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return "", fmt.Errorf("%s: %v", path, err)
	}
	return os.Expand(doc.HTTP.Listen, func(k string) string { v, _ := env(k); return v }), nil
}
