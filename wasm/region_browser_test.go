//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ncskit/ncskit/region"
)

// TestWorkbookRegion compares states on the Region screen: with a session
// open, it adds the examples' files through the file picker and the open
// session itself, shows the heat map (every shaded cell with its figures
// as text), the shared gaps and the directory as tables, downloads the
// report in every format by keyboard (the PDF the library's bytes for the
// same files), anonymises it, reports a file that is not an assessment by
// its name, runs no markup from the files, passes axe-core and leaves the
// open session as it was.
func TestWorkbookRegion(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "region.html")
	s.open()
	dir := t.TempDir()
	var paths []string
	var files []RegionFile
	for _, f := range []string{"small-island.json", "larger-state.json", "desk-review.json"} {
		data := readExample(t, f)
		if f == "larger-state.json" {
			var a map[string]any
			if err := json.Unmarshal(data, &a); err != nil {
				t.Fatal(err)
			}
			a["profile"].(map[string]any)["country"] = "Solandía " + xss
			data, _ = json.Marshal(a)
		}
		p := filepath.Join(dir, f)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		files = append(files, RegionFile{Name: f, Text: string(data)})
	}

	// The Region screen needs no session.
	s.goTo("region")
	s.do("open three files", chromedp.SetUploadFiles(chromedp.ID("region-open"), paths))
	s.wait("the heat map", `document.querySelectorAll('#region-view table.region-heat tbody tr').length === 3`)
	s.noXSS()
	for _, want := range []string{"Corallia", "Solandía " + xss, "República de Istmara", "Gaps most states share", "Regional programme proposals", "Points-of-contact directory"} {
		if !strings.Contains(s.text("#region-view"), want) {
			s.fatalf("the screen lacks %q", want)
		}
	}
	if bad := evalJS[int](s, `[...document.querySelectorAll('#region-view td.rh')].filter((td) => !/^\d\.\d\d \/ \d/.test(td.textContent)).length`); bad != 0 {
		s.fatalf("%d shaded heat-map cells without their figures", bad)
	}
	if n := evalJS[int](s, `document.querySelectorAll('#region-view td.rh').length`); n < 40 {
		s.fatalf("%d shaded cells", n)
	}
	// Every shared gap has its programme, read as a record.
	if n, m := evalJS[int](s, `document.querySelectorAll('[data-key="s.programmes"] ol.region-records > li').length`),
		evalJS[int](s, `document.querySelectorAll('[data-key="s.gaps"] tbody tr').length`); n == 0 || n != m {
		s.fatalf("%d programmes for %d shared gaps", n, m)
	}
	// The directory lists the state with no designated contact first.
	if first := evalJS[string](s, `document.querySelector('[data-key="s.directory"] tbody tr td').textContent`); first != "República de Istmara" {
		s.fatalf("the directory starts with %q", first)
	}
	s.shot("region-restricted")
	for _, key := range []string{"heat", "gaps", "programmes", "directory"} {
		s.do("show "+key, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-key="s.`+key+`"]').scrollIntoView()`))
		s.shot("region-" + key)
	}
	s.do("top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))

	// Download every format by keyboard: the PDF is the library's.
	for _, f := range []struct{ format, ext string }{{"pdf", "pdf"}, {"xlsx", "xlsx"}, {"html", "html"}, {"json", "json"}, {"vcf", "vcf"}} {
		s.do("focus "+f.format, chromedp.Focus(chromedp.CSS(`.downloads button[data-format="`+f.format+`"]`)))
		s.key(kb.Enter)
		data := s.readDownload("ncskit-region-3-states." + f.ext)
		if f.format == "pdf" {
			var want bytes.Buffer
			if err := region.EncodePDF(&want, libraryReport(t, files, nil)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, want.Bytes()) {
				s.fatalf("the PDF is not the library's (%d bytes, want %d)", len(data), want.Len())
			}
		}
		s.wait("the status", `document.getElementById('region-status').textContent.includes('Downloaded ncskit-region-3-states.`+f.ext+`')`)
	}

	// Anonymised: no state name on the screen.
	s.do("anonymise", chromedp.Focus(chromedp.ID("region-anonymise")))
	s.key(" ")
	s.wait("the anonymised view", `document.getElementById('region-marking').textContent.startsWith('Anonymised')`)
	for _, name := range []string{"Corallia", "Solandía", "Istmara"} {
		if strings.Contains(s.text("#region-view"), name) {
			s.fatalf("the anonymised view shows %q", name)
		}
	}
	s.shot("region-anonymised")
	src := axeSource(t)
	if vs := s.axe(src); len(vs) > 0 {
		s.fatalf("axe-core on the Region screen: %v", vs)
	}
	s.do("restricted again", chromedp.Click(chromedp.ID("region-anonymise")))
	s.wait("the restricted view", `document.getElementById('region-marking').textContent.startsWith('TLP:AMBER')`)
	s.do("projector", chromedp.Click(chromedp.ID("projector")))
	s.wait("the projector", `document.documentElement.classList.contains('projector')`)
	s.do("show the heat map", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-key="s.heat"]').scrollIntoView()`))
	s.shot("region-projector")
	if vs := s.axe(src); len(vs) > 0 {
		s.fatalf("axe-core on the Region screen, projector: %v", vs)
	}
	s.do("projector off", chromedp.Click(chromedp.ID("projector")))

	// A file that is not an assessment stops the comparison, by name.
	junk := filepath.Join(dir, "minutes.json")
	os.WriteFile(junk, []byte(`{"minutes": "of the meeting"}`), 0o644)
	s.do("open a wrong file", chromedp.SetUploadFiles(chromedp.ID("region-open"), []string{junk}))
	s.wait("the problem", `document.getElementById('region-view').textContent.includes('minutes.json')`)
	if n := evalJS[int](s, `document.querySelectorAll('#region-view table').length`); n != 0 {
		s.fatalf("%d tables shown for files with problems", n)
	}
	s.do("remove it", chromedp.Click(chromedp.CSS(`#region-files button[aria-label="Remove minutes.json"]`)))
	s.wait("the heat map again", `document.querySelectorAll('#region-view table.region-heat tbody tr').length === 3`)

	// With a session open, it can join the comparison; the session stays
	// as it was.
	s.goTo("sessions")
	p, _ := filepath.Abs(filepath.Join("..", "examples", "small-island.json"))
	s.do("open a session", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{p}))
	s.wait("the session", `document.documentElement.dataset.screen === 'setup'`)
	before := s.stored(`s`)
	s.goTo("region")
	if got := evalJS[int](s, `document.querySelectorAll('#region-files li').length`); got != 3 {
		s.fatalf("%d files kept on coming back, want 3", got)
	}
	s.do("add the session", chromedp.Click(chromedp.ID("region-add-session")))
	s.wait("its round refused: the file has the same date", `document.querySelectorAll('#region-files li').length === 4 && document.getElementById('region-view').textContent.includes('two rounds of one state need different session dates')`)
	s.do("remove the file", chromedp.Click(chromedp.CSS(`#region-files button[aria-label="Remove small-island.json"]`)))
	s.wait("the heat map with the session", `document.querySelectorAll('#region-view table.region-heat tbody tr').length === 3 && document.getElementById('region-view').textContent.includes('Corallia')`)
	if after := s.stored(`s`); after != before {
		s.fatalf("the open session changed")
	}
	s.checkLocal()
}
