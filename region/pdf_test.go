package region

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/tooltest"
)

// pdfFile encodes r as PDF into a temporary file, checks that a second
// run gives the same bytes, and returns the file's path.
func pdfFile(t *testing.T, r *Report) string {
	t.Helper()
	var one, two bytes.Buffer
	if err := EncodePDF(&one, r); err != nil {
		t.Fatal(err)
	}
	if err := EncodePDF(&two, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two runs give different bytes")
	}
	path := filepath.Join(t.TempDir(), "region.pdf")
	if err := os.WriteFile(path, one.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs a poppler or qpdf tool, skipping the test when it is missing
// (failing under NCSKIT_REQUIRE_TOOLS=1).
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tooltest.Require(t, name), args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// pdfPages returns the text of every page in the order it is drawn
// (the lines of a cell one after the other), white space collapsed.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	info := tool(t, "pdfinfo", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo shows no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	pages := make([]string, n)
	for i := range pages {
		p := strconv.Itoa(i + 1)
		pages[i] = strings.Join(strings.Fields(tool(t, "pdftotext", "-raw", "-f", p, "-l", p, path, "-")), " ")
	}
	return pages
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)

// checkMargins reads the box of every word with pdftotext -bbox: nothing
// crosses the side margins or the foot of the page.
func checkMargins(t *testing.T, path string) {
	t.Helper()
	const pt = 72 / 25.4
	left, right, foot := (pdfMargin-0.6)*pt, (297-pdfMargin+0.6)*pt, 210*pt
	bad := 0
	for _, m := range bboxWord.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		if v[0] < left || v[2] > right || v[1] < 0 || v[3] > foot {
			if bad++; bad <= 5 {
				t.Errorf("a word outside the margins: %s", m[0])
			}
		}
	}
	if bad > 5 {
		t.Errorf("%d words outside the margins", bad)
	}
}

// TestPDFRestricted: the regional PDF of the examples names every state,
// has every section, shows the heat map's figures as text, marks every
// page with the highest classification and "restricted", numbers its
// pages of the total, keeps to its margins and passes qpdf --check.
func TestPDFRestricted(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json", "desk-review.json")
	in[1].Assessment.Session.Classification = "TLP:RED"
	r := build(t, in, nil)
	path := pdfFile(t, r)
	pages := pdfPages(t, path)
	all := strings.Join(pages, " ")
	t.Logf("%d pages", len(pages))
	for _, s := range r.States {
		if !strings.Contains(all, s.Name) {
			t.Errorf("the PDF does not name %q", s.Name)
		}
		for _, c := range s.Areas {
			if c.Assessed && !strings.Contains(all, fmt.Sprintf("%.2f / %g", c.Progress, c.TargetProgress)) {
				t.Errorf("the heat map lacks %s's %s: %.2f / %g", s.Name, c.ID, c.Progress, c.TargetProgress)
			}
		}
	}
	for _, key := range []string{"h.heat", "h.distribution", "h.shared", "h.programmes", "h.existing", "c.evidence",
		"h.progress", "h.contacts", "h.notes", "legend.4", "legend.none"} {
		if !strings.Contains(all, text("en", key)) {
			t.Errorf("the PDF lacks %q", text("en", key))
		}
	}
	for _, g := range r.SharedGaps {
		if !strings.Contains(all, g.Indicator) || !strings.Contains(all, g.Programme.Name) {
			t.Errorf("the PDF lacks the shared gap %s or its programme", g.Indicator)
		}
	}
	for _, d := range r.Contacts {
		for _, c := range d.Contacts {
			if !strings.Contains(all, c.Person) {
				t.Errorf("the directory lacks %q", c.Person)
			}
		}
	}
	marking := "TLP:RED · " + text("en", "h.restricted")
	for i, p := range pages {
		if !strings.Contains(p, marking) {
			t.Errorf("page %d is not marked %q", i+1, marking)
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	// The directory lists the state with no designated contact first.
	first := r.label(r.state(r.Contacts[0].State))
	dir := all[strings.LastIndex(all, text("en", "h.contacts")):]
	for _, s := range r.States[1:] {
		if s.Name != first && strings.Index(dir, s.Name) < strings.Index(dir, first) {
			t.Errorf("the directory shows %s before %s, which has no contact", s.Name, first)
		}
	}
	checkMargins(t, path)
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// TestPDFAnonymised: the anonymised PDF of generated sets holds no name
// of a state, person, institution or place, nor an input file name, and
// shows every state's code; every page carries the anonymised marking and
// no classification.
func TestPDFAnonymised(t *testing.T) {
	m := assess.Default()
	for seed := uint64(1); seed <= 3; seed++ {
		g := generate(t, m, genSet{states: 3 + int(seed)*3, rounds: 1 + int(seed%3), respondents: 3, seed: seed, partial: seed%2 == 0})
		g.inputs[0].Assessment.Session.Classification = "TLP:AMBER"
		r := build(t, g.inputs, &Options{Anonymise: true})
		pages := pdfPages(t, pdfFile(t, r))
		all := strings.Join(pages, " ")
		for _, name := range g.names {
			if strings.Contains(all, name) {
				t.Errorf("seed %d: the anonymised PDF holds %q", seed, name)
			}
		}
		for _, in := range g.inputs {
			if strings.Contains(all, in.Name) {
				t.Errorf("seed %d: the anonymised PDF holds the file name %q", seed, in.Name)
			}
		}
		for _, s := range r.States {
			if !strings.Contains(all, s.Code) {
				t.Errorf("seed %d: the anonymised PDF lacks the code %s", seed, s.Code)
			}
		}
		for i, p := range pages {
			if !strings.Contains(p, text("en", "h.anonymised")) || strings.Contains(p, "TLP:AMBER") {
				t.Errorf("seed %d: page %d is not marked as anonymised, or shows the inputs' marking", seed, i+1)
			}
		}
	}
}

// TestPDFMany: 35 states of three rounds keep to the margins, and the
// heat map names every state.
func TestPDFMany(t *testing.T) {
	g := generate(t, assess.Default(), genSet{states: 35, rounds: 3, respondents: 4, seed: 5, partial: true})
	r := build(t, g.inputs, nil)
	path := pdfFile(t, r)
	pages := pdfPages(t, path)
	t.Logf("35 states: %d pages", len(pages))
	all := strings.Join(pages, " ")
	for _, s := range r.States {
		if !strings.Contains(all, s.Name) {
			t.Errorf("the PDF does not name %q", s.Name)
		}
	}
	checkMargins(t, path)
}

// TestPDFHostile: text that is long, unbroken, in other scripts or full
// of control characters is drawn within the margins, and a row taller
// than a page breaks between pages.
func TestPDFHostile(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json")
	a := in[0].Assessment
	a.Profile.Country = strings.Repeat("Unbrokenname", 16)
	a.PointsOfContact[0].Person = "Ива\u0301н\x00 \u202eПетров\t" + strings.Repeat("ŁĘ", 80)
	for i := range a.Responses {
		a.Responses[i].Evidence = strings.Repeat("A long account of the evidence, ", 250)
	}
	r := build(t, in, nil)
	path := pdfFile(t, r)
	pages := pdfPages(t, path)
	all := strings.Join(pages, "")
	if !strings.Contains(all, "Unbrokenname") || !strings.Contains(all, "ŁĘŁĘ") {
		t.Error("the PDF lacks the long names")
	}
	checkMargins(t, path)
}
