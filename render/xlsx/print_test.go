package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/tooltest"
)

// TestPrintLegible has LibreOffice print the small island's workbook to
// PDF and measures the smallest text of the sheets a steering meeting
// prints — the action plan, the indicators and the print view — with
// poppler: at least 8 points, on A4 or A3 landscape. The size of a word is
// its height on the page against the height of 11-point text printed at
// full scale by the same LibreOffice, from a calibration workbook, so the
// measure holds whatever font LibreOffice finds for Calibri. Every sheet's
// smallest size is logged.
func TestPrintLegible(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	pdftotext := tooltest.Require(t, "pdftotext")
	dir := t.TempDir()
	d := drafttest.Draft(t, "small-island")
	book := filepath.Join(dir, "plan.xlsx")
	if err := os.WriteFile(book, encode(t, d, nil), 0o666); err != nil {
		t.Fatal(err)
	}
	// Calibration: 11-point text at 100%.
	cal := excelize.NewFile()
	st, _ := cal.NewStyle(&excelize.Style{Font: withFamily(excelize.Font{})})
	cal.SetCellStr("Sheet1", "A1", "Calibration Xg")
	cal.SetCellStyle("Sheet1", "A1", "A1", st)
	calPath := filepath.Join(dir, "cal.xlsx")
	if err := cal.SaveAs(calPath); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, book, calPath)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, b)
	}
	words := func(pdf string) []pageWords {
		out, err := exec.CommandContext(ctx, pdftotext, "-bbox", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return parseBBox(string(out))
	}
	calPages := words(filepath.Join(dir, "cal.pdf"))
	h11 := 0.0
	for _, w := range calPages[0].words {
		if w.text == "Calibration" {
			h11 = w.y1 - w.y0
		}
	}
	if h11 == 0 {
		t.Fatal("calibration text not found")
	}
	smallest := map[string]float64{}
	paper := map[string]string{}
	var order []string
	for _, p := range words(filepath.Join(dir, "plan.pdf")) {
		// The sheet's name is at the right of the page header (&A).
		var name []string
		for _, w := range p.words {
			if w.y0 < 32 && w.x0 > p.w*0.75 {
				name = append(name, w.text)
			}
		}
		sheet := strings.Join(name, " ")
		for _, w := range p.words {
			if w.y0 < 32 || w.y1 > p.h-30 {
				continue // page header and footer, which are not scaled
			}
			size := (w.y1 - w.y0) * 11 / h11
			if s, ok := smallest[sheet]; !ok || size < s {
				if !ok {
					order = append(order, sheet)
				}
				smallest[sheet] = size
			}
		}
		paper[sheet] = paperName(p.w, p.h)
	}
	for _, s := range order {
		t.Logf("%-18s smallest text %.1f pt on %s", s, smallest[s], paper[s])
	}
	for _, key := range []string{"actionPlan", "kpis", "printView"} {
		name := d.Labels.Get("xlsx.sheet." + key)
		got, ok := smallest[name]
		switch {
		case !ok:
			t.Errorf("%s: not printed", name)
		case got < 8:
			t.Errorf("%s: smallest text %.1f pt, want 8 or more", name, got)
		case paper[name] == "":
			t.Errorf("%s: printed on neither A4 nor A3 landscape", name)
		}
	}
	if paper[d.Labels.Get("xlsx.sheet.printView")] != "A4 landscape" {
		t.Errorf("the print view is printed on %q, want A4 landscape", paper[d.Labels.Get("xlsx.sheet.printView")])
	}
}

type word struct {
	x0, y0, x1, y1 float64
	text           string
}

type pageWords struct {
	w, h  float64
	words []word
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// parseBBox reads the word boxes of pdftotext -bbox, page by page.
func parseBBox(s string) []pageWords {
	var pages []pageWords
	for _, chunk := range strings.Split(s, "<page ")[1:] {
		m := pageRE.FindStringSubmatch("<page " + chunk)
		if m == nil {
			continue
		}
		p := pageWords{w: atof(m[1]), h: atof(m[2])}
		for _, w := range wordRE.FindAllStringSubmatch(chunk, -1) {
			p.words = append(p.words, word{atof(w[1]), atof(w[2]), atof(w[3]), atof(w[4]), w[5]})
		}
		pages = append(pages, p)
	}
	return pages
}

func atof(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }

// paperName names A4 or A3 landscape by the page size in points.
func paperName(w, h float64) string {
	near := func(a, b float64) bool { return a-b < 2 && b-a < 2 }
	switch {
	case near(w, 842) && near(h, 595):
		return "A4 landscape"
	case near(w, 1191) && near(h, 842):
		return "A3 landscape"
	}
	return ""
}
