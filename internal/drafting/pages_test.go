package drafting

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/strategy"
)

// pageLimits are the A4 pages the Cabinet brief (two to four) and the
// strategy for adoption (15 to 30, the length of the strategies the
// region has adopted) may take; the implementation plan has no limit.
var pageLimits = map[string][2]int{strategy.PartBrief: {2, 4}, strategy.PartStrategy: {15, 30}}

// TestDocumentPages writes the brief, the strategy and the plan of the
// small island's and the larger state's drafts as PDF, in English and in
// Spanish (which runs about a sixth longer), and checks with pdfinfo that
// the brief and the strategy keep to their pages. With -v it logs the
// pages and the words (pdftotext) of every document.
func TestDocumentPages(t *testing.T) {
	pdfinfo, pdftotext := tooltest.Require(t, "pdfinfo"), tooltest.Require(t, "pdftotext")
	pagesRE := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	for _, name := range []string{"small-island", "larger-state"} {
		m, a, tm := example(t, name)
		for _, lang := range []string{"en", "es"} {
			for _, part := range strategy.Parts {
				out, err := Make(m, a, tm, &Options{Format: "pdf", Lang: lang, Part: part})
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), part+".pdf")
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				info, err := exec.Command(pdfinfo, path).Output()
				if err != nil {
					t.Fatalf("pdfinfo: %v", err)
				}
				match := pagesRE.FindSubmatch(info)
				if match == nil {
					t.Fatalf("pdfinfo gives no page count:\n%s", info)
				}
				pages, _ := strconv.Atoi(string(match[1]))
				text, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
				if err != nil {
					t.Fatalf("pdftotext: %v", err)
				}
				t.Logf("%s (%s) %s: %d pages, %d words", name, lang, part, pages, len(strings.Fields(string(text))))
				if r, ok := pageLimits[part]; ok && (pages < r[0] || pages > r[1]) {
					t.Errorf("%s (%s): the %s takes %d pages, want %d-%d", name, lang, part, pages, r[0], r[1])
				}
			}
		}
	}
}
