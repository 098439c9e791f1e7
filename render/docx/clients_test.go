package docx

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/render/pdf"
	"github.com/ncskit/ncskit/strategy"
)

// clientDrafts are the drafts the real clients read: both examples, the
// small island's Cabinet brief alone (a document without chapters) and
// the hostile draft.
func clientDrafts(t *testing.T) map[string]*strategy.Draft {
	brief, err := strategy.Select(drafttest.Draft(t, "small-island"), "brief")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*strategy.Draft{
		"small-island":       drafttest.Draft(t, "small-island"),
		"small-island-brief": brief,
		"larger-state":       drafttest.Draft(t, "larger-state"),
		"hostile":            hostileDraft(t),
	}
}

// writeDrafts writes each draft as NAME.docx in dir and returns the paths,
// sorted.
func writeDrafts(t *testing.T, dir string, drafts map[string]*strategy.Draft) []string {
	t.Helper()
	var files []string
	for name, d := range drafts {
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, encode(t, d, nil), 0o666); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	slices.Sort(files)
	return files
}

// TestLibreOffice has LibreOffice Writer convert the documents of both
// examples and of the hostile draft to PDF. The conversion succeeds; its
// page count is within 15 % of the PDF renderer's for the same draft; its
// text holds every heading, the country and the accented names of people
// and institutions; the running header and footer are on the pages; the
// hostile text comes out as written.
func TestLibreOffice(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	tooltest.Require(t, "pdftotext")
	tooltest.Require(t, "pdfinfo")
	dir := t.TempDir()
	drafts := clientDrafts(t)
	files := writeDrafts(t, dir, drafts)
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, b)
	}
	for name, d := range drafts {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(out, name+".pdf")
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("LibreOffice wrote no PDF: %v", err)
			}
			pages := pageCount(t, path)
			text := flat(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			if name == "hostile" {
				for _, want := range []string{"<w:p>&amp; =SUM(A1) _x0041_ \u2401\u241b\u2421", "{ PAGE }", "-END-TOKEN"} {
					if !strings.Contains(text, want) {
						t.Errorf("the text lacks %q", want)
					}
				}
				return
			}
			var ref bytes.Buffer
			if err := pdf.Encode(&ref, d, nil); err != nil {
				t.Fatal(err)
			}
			refPath := filepath.Join(dir, name+"-ref.pdf")
			if err := os.WriteFile(refPath, ref.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
			refPages := pageCount(t, refPath)
			t.Logf("%d pages; the PDF renderer's: %d", pages, refPages)
			if diff := float64(pages-refPages) / float64(refPages); diff > 0.15 || diff < -0.15 {
				t.Errorf("%d pages, the PDF renderer's %d: more than 15 %% apart", pages, refPages)
			}
			for _, want := range wantedText(d) {
				if !strings.Contains(text, flat(want)) {
					t.Errorf("the text lacks %q", want)
				}
			}
			// No page is blank: each holds more than its running header
			// and footer (three lines each).
			for i, page := range strings.Split(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f") {
				lines := 0
				for _, l := range strings.Split(page, "\n") {
					if strings.TrimSpace(l) != "" {
						lines++
					}
				}
				if i < pages && lines <= 6 {
					t.Errorf("page %d holds only its header and footer:\n%s", i+1, page)
				}
			}
			second := flat(tool(t, "pdftotext", "-enc", "UTF-8", "-f", "3", "-l", "3", path, "-"))
			for _, want := range []string{d.Meta.Classification, d.Labels.Get("r.draft"),
				fmt.Sprintf("%s 3 %s %d", d.Labels.Get("r.page"), d.Labels.Get("r.of"), pages)} {
				if !strings.Contains(second, want) {
					t.Errorf("page 3 lacks %q:\n%s", want, second)
				}
			}
		})
	}
}

// wantedText is what the text of a draft's document must hold: every
// heading, the country, the title and, where the document has the roles
// (not in the brief alone), the names of institutions and people (the
// larger state's are accented).
func wantedText(d *strategy.Draft) []string {
	want := []string{d.Meta.Country, d.Meta.Title}
	for _, b := range d.Blocks {
		if h, ok := b.(strategy.Heading); ok {
			want = append(want, headingText(h))
		}
	}
	if p := strategy.PartsOf(d); len(p) == 1 && p[0].ID == strategy.PartBrief {
		return want
	}
	for _, s := range d.Roles.Stakeholders {
		want = append(want, s.Name)
	}
	for _, c := range d.Roles.Contacts {
		want = append(want, c.Person)
	}
	return want
}

// flat joins the words of s with single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func pageCount(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(tool(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo gives no page count for %s", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	path := tooltest.Require(t, name)
	out, err := exec.Command(path, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// read is what testdata/read.py reports of a document.
type read struct {
	Body []struct {
		Style  string     `json:"style"`
		Text   string     `json:"text"`
		Table  [][]string `json:"table"`
		Header []bool     `json:"header"`
	} `json:"body"`
	Core     map[string]string `json:"core"`
	Sections []struct {
		Width, Height, Orientation int
	} `json:"sections"`
	Pictures []string `json:"pictures"`
}

// TestPythonDocx reads the documents with python-docx (Debian's
// python3-docx): every heading is a paragraph in the built-in style
// "Heading N" at its level, in order; every table of the draft is a
// table with its rows (and a row under each row for its long columns),
// a repeated header row and the Table Grid style; each chart's data is a
// table too; the core properties are set; each picture has its text
// alternative; the hostile text reads back as written.
func TestPythonDocx(t *testing.T) {
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		python = tooltest.Require(t, "python3")
	}
	if err := exec.Command(python, "-c", "import docx").Run(); err != nil {
		if os.Getenv(tooltest.Env) == "1" {
			t.Fatalf("python-docx is required (%s=1) but %s cannot import it: %v", tooltest.Env, python, err)
		}
		t.Skipf("python-docx not found (install python3-docx): %v", err)
	}
	dir := t.TempDir()
	drafts := clientDrafts(t)
	writeDrafts(t, dir, drafts)
	for name, d := range drafts {
		t.Run(name, func(t *testing.T) {
			out, err := exec.Command(python, filepath.Join("testdata", "read.py"), filepath.Join(dir, name+".docx")).Output()
			if err != nil {
				msg := ""
				if ee, ok := err.(*exec.ExitError); ok {
					msg = string(ee.Stderr)
				}
				t.Fatalf("read.py: %v\n%s", err, msg)
			}
			var r read
			if err := json.Unmarshal(out, &r); err != nil {
				t.Fatal(err)
			}
			checkRead(t, d, &r, name == "hostile")
		})
	}
}

func checkRead(t *testing.T, d *strategy.Draft, r *read, hostile bool) {
	t.Helper()
	// Headings, in order, in the built-in styles.
	var got, want []string
	for _, b := range r.Body {
		if strings.HasPrefix(b.Style, "Heading ") {
			got = append(got, b.Style+": "+b.Text)
		}
	}
	var rows []int // of the tables expected, in order
	charts := 0
	for _, b := range d.Blocks {
		switch v := b.(type) {
		case strategy.Heading:
			want = append(want, "Heading "+strconv.Itoa(level(v))+": "+clean(headingText(v)))
		case strategy.Table:
			rows = append(rows, tableRows(v))
		case strategy.Chart:
			charts++
			if v.Type != "timeline" {
				rows = append(rows, 1+len(v.Labels))
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("headings:\n got %q\nwant %q", got, want)
	}
	var tables []int
	for i, b := range r.Body {
		if b.Table == nil {
			continue
		}
		tables = append(tables, len(b.Table))
		if b.Style != "Table Grid" || !slices.Equal(b.Header, []bool{true, false}[:min(2, len(b.Table))]) {
			t.Errorf("body[%d]: table style %q, header rows %v", i, b.Style, b.Header)
		}
	}
	if !slices.Equal(tables, rows) {
		t.Errorf("table rows:\n got %v\nwant %v", tables, rows)
	}
	m := d.Meta
	for k, v := range map[string]string{"title": clean(oneLine(m.Title)), "subject": clean(oneLine(m.Subtitle)), "author": "ncskit",
		"language": "en-GB", "version": m.Version, "status": m.Status, "created": docshape.DocumentDate(m).Format("2006-01-02T15:04:05")} {
		if r.Core[k] != v {
			t.Errorf("core property %s = %q, want %q", k, r.Core[k], v)
		}
	}
	if len(r.Pictures) != charts {
		t.Fatalf("%d pictures, want the %d charts", len(r.Pictures), charts)
	}
	for i, p := range r.Pictures {
		if len(p) < 200 {
			t.Errorf("picture %d has a short text alternative: %q", i, p)
		}
	}
	if !hostile {
		return
	}
	n := 0
	for _, b := range r.Body {
		n += strings.Count(b.Text, cleaned)
		for _, row := range b.Table {
			for _, c := range row {
				n += strings.Count(c, cleaned)
			}
		}
	}
	if n < 7 {
		t.Errorf("the hostile text reads back %d times as written", n)
	}
	if !strings.Contains(r.Pictures[0], cleaned) {
		t.Error("the text alternative of the first chart lacks the hostile text")
	}
}

// tableRows is the number of rows a table of the draft has in the
// document: the header, its rows, and a row under each row that has
// text in a long column.
func tableRows(t strategy.Table) int {
	t = docshape.Normalize(t)
	if len(t.Columns) == 0 {
		return 0
	}
	n := 1 + len(t.Rows)
	long := docshape.LongColumns(t)
	for _, r := range t.Rows {
		for _, c := range long {
			if strings.TrimSpace(r[c]) != "" {
				n++
				break
			}
		}
	}
	return n
}
