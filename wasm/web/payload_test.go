package web

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
)

// payloadCases are data with the bytes that are escaped in every place:
// first, last, twice in a row, and not at all.
func payloadCases() map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 100_003)
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	return map[string][]byte{
		"empty":      {},
		"one":        {0x42},
		"zeros":      make([]byte, 70),
		"high":       bytes.Repeat([]byte{0x80, 0x9f, 0xff, 0x81}, 20),
		"CR at end":  {'a', '\r'},
		"lt at end":  {'a', '<'},
		"escape":     []byte("=0==r=l="),
		"= before":   {'=', 0x00, '=', '\r', '=', '<', '/', '=', '<', 'a', '=', '=', '=', 'x', '=', '<', '!', '='},
		"all bytes":  all,
		"random":     random,
		"text":       []byte("<script></script><!-- -->\r\n\x00 & \"quotes\" < a"),
		"gzip magic": {0x1f, 0x8b, 0x08, 0x00},
	}
}

// browserText is what a browser hands the page for the bytes of a
// windows-1252 document inside a <script> element.
func browserText(t *testing.T, page string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(page); i++ {
		c := page[i]
		switch {
		case c == 0 || c == '\r':
			t.Fatalf("byte %#x at %d would be changed by the HTML parser", c, i)
		case c == '<' && i+1 < len(page) && (page[i+1] == '/' || page[i+1] == '!'):
			t.Fatalf("%q at %d would end the element or start an escaped section", page[i:i+2], i)
		case c >= 0x80 && c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

func TestPayload(t *testing.T) {
	for name, data := range payloadCases() {
		s := encodePayload(data)
		if name == "random" && float64(len(s)) > 1.009*float64(len(data)) {
			t.Errorf("%s: %d bytes of text for %d bytes", name, len(s), len(data))
		}
		back, err := decodePayload(browserText(t, s), len(data))
		if err != nil || !bytes.Equal(back, data) {
			t.Errorf("%s: round trip: %v", name, err)
		}
	}
	for data, want := range map[string]string{"a=b": "a=b", "=": "=", "=0": "==0", "=\x00": "===0", "=</": "===l/", "<a": "<a", "<!": "=l!"} {
		if got := encodePayload([]byte(data)); got != want {
			t.Errorf("%q is written %q, want %q", data, got, want)
		}
	}
	for _, bad := range []struct {
		text string
		n    int
	}{{"AB", 5}, {"ABC", 2}, {"A=", 1}, {"=x", 1}, {"\u0080", 1}, {"\u2028", 1}} {
		if _, err := decodePayload(bad.text, bad.n); err == nil {
			t.Errorf("%q decodes as %d bytes", bad.text, bad.n)
		}
	}
}

// TestPayloadInNode runs the page's decoder (decodeInto in payload.js,
// through decodePayload in worker.js)
// on text as a browser hands it over (browserText: node's own
// TextDecoder('windows-1252') decodes as ISO-8859-1, unlike browsers).
func TestPayloadInNode(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("runs natively, where it starts node itself; under GOOS=js the test binary already runs in node")
	}
	node := tooltest.Require(t, "node")
	dec, err := os.ReadFile("payload.js")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("worker.js")
	if err != nil {
		t.Fatal(err)
	}
	fn := regexp.MustCompile(`(?s)\nfunction\* decodePayload\(s, n, chunk = 1 << 18\) \{.*?\n\}\n`).Find(src)
	if fn == nil {
		t.Fatal("no decodePayload in worker.js")
	}
	fn = append(dec, fn...)
	dir := t.TempDir()
	var script strings.Builder
	script.WriteString(string(fn) + `
const fs = require('fs');
const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const decode = (s, n, chunk) => Buffer.concat([...decodePayload(s, n, chunk)]);
for (const [name, c] of Object.entries(cases)) {
  const text = c.text;
  for (const chunk of [1, 7, 1 << 18]) {
    if (decode(text, c.n, chunk).toString('hex') !== c.hex) { console.log(name + ': differs in chunks of ' + chunk); process.exitCode = 1; }
  }
}
for (const [s, n] of [['AB', 5], ['ABC', 2], ['A=', 1], ['=x', 1], ['\u2028', 1]]) {
  try { decode(s, n); console.log(JSON.stringify(s) + ': no error'); process.exitCode = 1; } catch (e) {}
}
`)
	type jsCase struct {
		Text string `json:"text"`
		N    int    `json:"n"`
		Hex  string `json:"hex"`
	}
	all := map[string]jsCase{}
	for name, data := range payloadCases() {
		all[name] = jsCase{browserText(t, encodePayload(data)), len(data), hex.EncodeToString(data)}
	}
	cases, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(dir, "decode.js")
	data := filepath.Join(dir, "cases.json")
	os.WriteFile(js, []byte(script.String()), 0o644)
	os.WriteFile(data, cases, 0o644)
	if out, err := exec.Command(node, js, data).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("node: %v\n%s", err, out)
	}
}

func TestASCII(t *testing.T) {
	for _, c := range []struct {
		esc      func(string) (string, error)
		in, want string
	}{
		{asciiJS, "a → b … 😀", `a \u2192 b \u2026 \uD83D\uDE00`},
		{asciiCSS, `content: "×"`, `content: "\0000D7"`},
		{asciiJS, `/\d+/ 'it\'s'`, `/\d+/ 'it\'s'`},
	} {
		if got, err := c.esc(c.in); err != nil || got != c.want {
			t.Errorf("%q: %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if got := asciiHTML("Loading… ↶"); got != "Loading&#x2026; &#x21B6;" {
		t.Errorf("asciiHTML: %q", got)
	}
	if _, err := asciiJS(`'\…'`); err == nil {
		t.Error("a backslash before a character beyond ASCII is escaped")
	}
}
