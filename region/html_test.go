package region

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
)

// TestHTMLEscaped: names are data: markup in them is escaped, and the page
// has a Content-Security-Policy and no script.
func TestHTMLEscaped(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json")
	in[0].Assessment.Profile.Country = `<script>alert(1)</script>`
	in[0].Assessment.PointsOfContact[0].Person = `"><img src=x onerror=alert(2)>`
	var buf bytes.Buffer
	if err := EncodeHTML(&buf, build(t, in, nil)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img"} {
		if strings.Contains(out, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;",
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestChromium: headless Chromium loads the page of the examples; its
// text holds every section and both states.
func TestChromium(t *testing.T) {
	chromium := tooltest.Require(t, "chromium")
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := EncodeHTML(&buf, build(t, examples(t, "small-island.json", "larger-state.json"), nil)); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "region.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--screenshot="+filepath.Join(dir, "shot.png"), "--window-size=1400,2000", "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if info, err := os.Stat(filepath.Join(dir, "shot.png")); err != nil || info.Size() < 10000 {
		t.Fatalf("no screenshot: %v", err)
	}
	dom, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "profile2"),
		"--dump-dom", "file://"+page).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	for _, want := range []string{"Progress against target, by area", "Gaps most states share", "Regional programme proposals",
		"Points-of-contact directory", "Corallia", "República de Solandía", `class="h4"`} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("the page in Chromium lacks %q", want)
		}
	}
}
