package main

import (
	"net"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestServeHandler sends requests with various Host headers to the
// handler of serve, as started with various --addr, without listening.
func TestServeHandler(t *testing.T) {
	const page = "<!DOCTYPE html><title>workbook</title>"
	const refused = "forbidden: the workbook is served only to the address ncskit serve listens on\n"
	type req struct {
		method, host, path string
		status             int
	}
	tests := []struct {
		addr  string // as --addr gives it
		bound string // as the listener reports it
		reqs  []req
	}{
		{"127.0.0.1:8080", "127.0.0.1:8080", []req{
			{"GET", "127.0.0.1:8080", "/", 200},
			{"GET", "localhost:8080", "/", 200},
			{"GET", "LocalHost:8080", "/", 200},
			{"GET", "[::1]:8080", "/", 200},
			{"GET", "evil.example:8080", "/", 403}, // a rebound name
			{"GET", "localhost.evil.example:8080", "/", 403},
			{"GET", "127.0.0.1:9090", "/", 403}, // another port
			{"GET", "localhost", "/", 403},      // port 80
			{"GET", "192.168.1.5:8080", "/", 403},
			{"GET", "", "/", 403},
			{"POST", "127.0.0.1:8080", "/", 405},
			{"GET", "127.0.0.1:8080", "/other", 404},
		}},
		{"localhost:0", "127.0.0.1:43210", []req{
			{"GET", "localhost:43210", "/", 200},
			{"GET", "127.0.0.1:43210", "/", 200},
			{"GET", "localhost:0", "/", 403},
		}},
		{"[::1]:8080", "[::1]:8080", []req{
			{"GET", "[::1]:8080", "/", 200},
			{"GET", "localhost:8080", "/", 200},
			{"GET", "[0:0:0:0:0:0:0:1]:8080", "/", 200},
		}},
		{"localhost:80", "127.0.0.1:80", []req{
			{"GET", "localhost", "/", 200},
			{"GET", "localhost:80", "/", 200},
			{"GET", "evil.example", "/", 403},
		}},
		{"192.168.1.5:8080", "192.168.1.5:8080", []req{
			{"GET", "192.168.1.5:8080", "/", 200},
			{"GET", "localhost:8080", "/", 403}, // not listening on loopback
			{"GET", "evil.example:8080", "/", 403},
		}},
		{":8080", "[::]:8080", []req{
			{"GET", "localhost:8080", "/", 200},
			{"GET", "192.168.1.5:8080", "/", 200},
			{"GET", "[fe80::1]:8080", "/", 200},
			{"GET", "evil.example:8080", "/", 403},
			{"GET", "192.168.1.5:9090", "/", 403},
		}},
		{"0.0.0.0:8080", "0.0.0.0:8080", []req{
			{"GET", "10.0.0.7:8080", "/", 200},
			{"GET", "evil.example:8080", "/", 403},
		}},
	}
	for _, tc := range tests {
		host, _, err := parseAddr(tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		bound, err := net.ResolveTCPAddr("tcp", tc.bound)
		if err != nil {
			t.Fatal(err)
		}
		h := serveHandler([]byte(page), newHostCheck(host, bound))
		for _, q := range tc.reqs {
			r := httptest.NewRequest(q.method, "http://x"+q.path, nil)
			r.Host = q.host
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			res := w.Result()
			where := "--addr " + tc.addr + ", " + q.method + " " + q.path + " Host " + q.host
			if res.StatusCode != q.status {
				t.Errorf("%s: status %d, want %d", where, res.StatusCode, q.status)
			}
			for k, v := range map[string]string{
				"Content-Security-Policy": "frame-ancestors 'none'",
				"X-Frame-Options":         "DENY",
				"X-Content-Type-Options":  "nosniff",
			} {
				if got := res.Header.Values(k); len(got) != 1 || got[0] != v {
					t.Errorf("%s: %s %q, want %q", where, k, got, v)
				}
			}
			body := w.Body.String()
			switch q.status {
			case 200:
				if body != page || res.Header.Get("Content-Type") != "text/html; charset=windows-1252" {
					t.Errorf("%s: %s %q", where, res.Header.Get("Content-Type"), body)
				}
			case 403:
				if body != refused || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
					t.Errorf("%s: %s %q, want %q", where, res.Header.Get("Content-Type"), body, refused)
				}
			}
		}
	}
}

// TestServeHostName: listening on every interface, the computer's own
// host name is accepted too.
func TestServeHostName(t *testing.T) {
	name, err := os.Hostname()
	if err != nil || name == "" {
		t.Skip("no host name")
	}
	c := newHostCheck("", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080})
	for _, h := range []string{name + ":8080", strings.ToUpper(name) + ".local:8080"} {
		if !c.allows(h) {
			t.Errorf("Host %s refused", h)
		}
	}
	if c.allows(name + ".evil.example:8080") {
		t.Errorf("Host %s.evil.example:8080 allowed", name)
	}
}

func TestParseAddr(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:8080", ":0", "localhost:65535", "[::1]:80", "0.0.0.0:8080", "my-laptop.local:8080", "[fe80::1%eth0]:80"} {
		if _, _, err := parseAddr(addr); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	for addr, want := range map[string]string{
		"nonsense":           `--addr must be host:port, not "nonsense"`,
		"127.0.0.1":          `--addr must be host:port, not "127.0.0.1"`,
		"::1:80":             `--addr must be host:port, not "::1:80"`,
		"127.0.0.1:99999":    `--addr must end in a port number from 0 to 65535, not "127.0.0.1:99999"`,
		"127.0.0.1:-1":       `--addr must end in a port number from 0 to 65535, not "127.0.0.1:-1"`,
		"127.0.0.1:http":     `--addr must end in a port number from 0 to 65535, not "127.0.0.1:http"`,
		"127.0.0.1:":         `--addr must end in a port number from 0 to 65535, not "127.0.0.1:"`,
		"127.0.0.1:+80":      `--addr must end in a port number from 0 to 65535, not "127.0.0.1:+80"`,
		"bad host:80":        `--addr must start with an IP address or a host name, not "bad host:80"`,
		"http://localhost:8": `--addr must be host:port, not "http://localhost:8"`,
	} {
		_, _, err := parseAddr(addr)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", addr, err, want)
		}
	}
}
