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

// text7Cases are data whose groups of 7 bits hit the unsafe values in
// every place: first, last, twice in a row, and not at all.
func text7Cases() map[string][]byte {
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
		"ones":       bytes.Repeat([]byte{0xff}, 70),
		"CR at end":  {0x1a},       // groups 0001101 0 → CR, then padding
		"lt at end":  {0x78},       // 0111100 0 → "<"
		"NUL NUL":    {0x00, 0x00}, // 16 zero bits: three NUL groups
		"all bytes":  all,
		"random":     random,
		"text":       []byte("<script></script>\r\n\x00 & \"quotes\""),
		"gzip magic": {0x1f, 0x8b, 0x08, 0x00},
	}
}

func TestText7(t *testing.T) {
	for name, data := range text7Cases() {
		s := encode7(data)
		if strings.ContainsAny(s, "\x00\r<") {
			t.Errorf("%s: the text has NUL, CR or <", name)
		}
		if groups := (len(data)*8 + 6) / 7; len(s) > 2*groups || name == "random" && float64(len(s)) > 1.15*float64(len(data)) {
			t.Errorf("%s: %d bytes of text for %d bytes", name, len(s), len(data))
		}
		back, err := decode7(s, len(data))
		if err != nil || !bytes.Equal(back, data) {
			t.Errorf("%s: round trip: %v", name, err)
		}
	}
	if _, err := decode7("AB", 5); err == nil {
		t.Error("a short text decodes")
	}
	if _, err := decode7("A\u00e9", 1); err == nil {
		t.Error("a character outside the encoding decodes")
	}
}

// TestText7InNode runs the page's decoder (decodeText7 in worker.js) on
// text made by encode7.
func TestText7InNode(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("runs natively, where it starts node itself; under GOOS=js the test binary already runs in node")
	}
	node := tooltest.Require(t, "node")
	src, err := os.ReadFile("worker.js")
	if err != nil {
		t.Fatal(err)
	}
	fn := regexp.MustCompile(`(?s)\nfunction decodeText7\(s, n\) \{.*?\n\}\n`).Find(src)
	if fn == nil {
		t.Fatal("no decodeText7 in worker.js")
	}
	dir := t.TempDir()
	var script strings.Builder
	script.WriteString(string(fn) + "\nconst fs = require('fs');\nconst cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));\n")
	script.WriteString("for (const [name, c] of Object.entries(cases)) {\n  const got = Buffer.from(decodeText7(c.text, c.n)).toString('hex');\n  if (got !== c.hex) { console.log(name + ': differs'); process.exitCode = 1; }\n}\n")
	script.WriteString("try { decodeText7('AB', 5); console.log('short: no error'); process.exitCode = 1; } catch (e) {}\n")
	type jsCase struct {
		Text string `json:"text"`
		N    int    `json:"n"`
		Hex  string `json:"hex"`
	}
	all := map[string]jsCase{}
	for name, data := range text7Cases() {
		all[name] = jsCase{encode7(data), len(data), hex.EncodeToString(data)}
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
