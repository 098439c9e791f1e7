package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func runServe(e *env, args []string) error {
	spec := cmdSpec{"[--addr 127.0.0.1:8080]",
		"Serve the workbook on a local address: the same single page that\n" +
			"'ncskit workbook' writes, built from the source tree at start. Stop with Ctrl-C.\n\n" +
			"The page is served only to requests for this address (localhost or the\n" +
			"loopback address when it is a loopback one), so that a web site cannot\n" +
			"reach it under a name of its own, and may not be shown inside another\n" +
			"page's frame. An address without a host, or 0.0.0.0, listens on every\n" +
			"network interface: anyone who can reach this computer can open the\n" +
			"workbook, and the command warns about it."}
	fs := newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port`")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	host, port, err := parseAddr(*addr)
	if err != nil {
		return usagef("%v", err)
	}
	if everyInterface(host) {
		fmt.Fprintf(e.stderr, "ncskit serve: warning: --addr %s listens on every network interface: anyone who can reach this computer can open the workbook (--addr 127.0.0.1:%d keeps it on this computer)\n", *addr, port)
	}
	wb, err := buildWorkbook()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	bound := ln.Addr().(*net.TCPAddr)
	srv := &http.Server{Handler: serveHandler(wb.HTML, newHostCheck(host, bound)), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	url := bound.String()
	if bound.IP.IsUnspecified() {
		url = net.JoinHostPort("localhost", strconv.Itoa(bound.Port))
	}
	fmt.Fprintf(e.stdout, "serving the workbook at http://%s/ (Ctrl-C to stop)\n", url)
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// hostName is the form of a host name in --addr.
var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$`)

// parseAddr checks --addr: a host (empty, an IP address or a host name)
// and a port number from 0 to 65535.
func parseAddr(addr string) (host string, port int, err error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("--addr must be host:port, not %q", addr)
	}
	port, err = strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 || p != strconv.Itoa(port) {
		return "", 0, fmt.Errorf("--addr must end in a port number from 0 to 65535, not %q", addr)
	}
	if _, err := netip.ParseAddr(host); host != "" && err != nil && !hostName.MatchString(host) {
		return "", 0, fmt.Errorf("--addr must start with an IP address or a host name, not %q", addr)
	}
	return host, port, nil
}

// everyInterface reports whether listening on host listens on every
// network interface.
func everyInterface(host string) bool {
	ip, err := netip.ParseAddr(host)
	return host == "" || err == nil && ip.IsUnspecified()
}

// A hostCheck decides which Host headers the server answers. A web page
// elsewhere can point a name of its own at this computer's address (DNS
// rebinding) and then read the workbook as a page of its own origin;
// answering only to the names the server was started with stops that.
type hostCheck struct {
	port  string          // the port listened on
	names map[string]bool // host names and addresses, lower case, without brackets
	anyIP bool            // every IP address of the computer
}

// newHostCheck returns the check for a server started with --addr host
// and listening on bound. It accepts the host as given and the bound
// address; localhost, 127.0.0.1 and ::1 when the address is a loopback
// one; and, when it is every interface, also any IP address and the
// computer's host name.
func newHostCheck(host string, bound *net.TCPAddr) *hostCheck {
	c := &hostCheck{port: strconv.Itoa(bound.Port), names: map[string]bool{}}
	if host != "" {
		c.names[strings.ToLower(host)] = true
	}
	c.names[bound.IP.String()] = true
	if bound.IP.IsLoopback() || bound.IP.IsUnspecified() {
		c.names["localhost"] = true
		c.names["127.0.0.1"] = true
		c.names["::1"] = true
	}
	if bound.IP.IsUnspecified() {
		c.anyIP = true
		if name, err := os.Hostname(); err == nil {
			name = strings.ToLower(name)
			c.names[name] = true
			c.names[name+".local"] = true
		}
	}
	return c
}

// allows reports whether the server answers to the Host header hostport.
func (c *hostCheck) allows(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		// No port: the default port of http.
		host = strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
		port = "80"
	}
	if port != c.port {
		return false
	}
	host = strings.ToLower(host)
	if c.names[host] {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (c.names[ip.String()] || c.anyIP)
}

// serveHandler serves page at / to the hosts that check allows. Every
// response says that it may not be shown in a frame and that its content
// type is not to be guessed. The frame rule is a Content-Security-Policy
// header of its own: the page's own policy, in a <meta> element, cannot
// hold it, and a browser enforces every policy it is given.
func serveHandler(page []byte, check *hostCheck) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252") // see wasm/web/payload.go
		w.Header().Set("Cache-Control", "no-store")
		w.Write(page)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Content-Security-Policy", "frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		if !check.allows(r.Host) {
			http.Error(w, "forbidden: the workbook is served only to the address ncskit serve listens on", http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}
