package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/region"
)

func regionRequest(t *testing.T, format string, anonymise bool, files ...RegionFile) []byte {
	t.Helper()
	req, err := json.Marshal(RegionRequest{Files: files, Format: format, Anonymise: anonymise})
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// libraryReport builds the report of files with the library, as the
// command line does.
func libraryReport(t *testing.T, files []RegionFile, o *region.Options) *region.Report {
	t.Helper()
	var ins []region.Input
	for _, f := range files {
		in, err := region.ReadInput(f.Name, []byte(f.Text), assess.Default())
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, in)
	}
	r, err := region.Build(assess.Default(), nil, ins, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func exampleFiles(t *testing.T) []RegionFile {
	return []RegionFile{
		{Name: "small-island.json", Text: string(wrap(t, readExample(t, "small-island.json"), nil))},
		{Name: "larger-state.json", Text: string(readExample(t, "larger-state.json"))},
	}
}

// TestRegionView: "region" returns the tables of the report the command
// line makes from the same files (a session file among them), with the
// heat map's shades, the marking and the legend.
func TestRegionView(t *testing.T) {
	var v RegionView
	call(t, "region", regionRequest(t, "", false, exampleFiles(t)...), &v)
	if len(v.Problems) != 0 || v.States != 2 || !strings.Contains(v.Marking, "Restricted") || len(v.Legend) != 6 {
		t.Fatalf("region: %+v", v)
	}
	want, _ := json.Marshal(libraryReport(t, exampleFiles(t), nil).View())
	got, _ := json.Marshal(v.Tables)
	if !bytes.Equal(got, want) {
		t.Error("the tables differ from the library's")
	}
	heat := 0
	for _, tb := range v.Tables {
		if tb.Key != "s.heat" {
			continue
		}
		for _, row := range tb.Rows {
			for _, c := range row[1:] {
				if c.Shade != nil && strings.Contains(c.Text, " / ") {
					heat++
				}
			}
		}
	}
	if heat != 2*19 {
		t.Errorf("%d shaded heat-map cells with their figures, want 38", heat)
	}
}

// TestRegionProblems: a file with problems stops the comparison, and every
// problem names its file; the binary function lists them in its error.
func TestRegionProblems(t *testing.T) {
	files := append(exampleFiles(t), RegionFile{Name: "broken.json", Text: `{"format": 3}`}, RegionFile{Name: "notes.txt", Text: "not JSON"})
	var v RegionView
	call(t, "region", regionRequest(t, "", false, files...), &v)
	if len(v.Tables) != 0 || len(v.Problems) == 0 {
		t.Fatalf("region: %+v", v)
	}
	names := map[string]bool{}
	for _, p := range v.Problems {
		names[p.File] = true
	}
	if !names["broken.json"] || !names["notes.txt"] || len(names) != 2 {
		t.Errorf("problems name %v", names)
	}
	_, err := handle("regionReport", regionRequest(t, "pdf", false, files...))
	if err == nil || !strings.Contains(err.Error(), "regionReport: the comparison has") || !strings.Contains(err.Error(), "broken.json") {
		t.Errorf("regionReport: %v", err)
	}
	for req, want := range map[string]string{
		`{"files": []}`: "region: no file to compare",
		`{"files": [{"name": "a", "text": "{}"}], "format": "pdf"}`:    "region: takes no format",
		`{"files": [{"name": "a", "text": "{}"}], "key": "k"}`:         "region: a key works only with anonymise",
		`{"files": [{"name": "a", "text": "{}"}], "lang": "english!"}`: "region: lang",
		`{"files": [{"name": "a", "text": "{}"}], "unknown": true}`:    "region: the request is not the expected JSON",
	} {
		if _, err := handle("region", []byte(req)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", req, err, want)
		}
	}
	if _, err := handle("regionReport", []byte(`{"files": [{"name": "a", "text": "{}"}], "format": "docx"}`)); err == nil ||
		err.Error() != `regionReport: format "docx" is not one of pdf, xlsx, html, json, vcf` {
		t.Errorf("docx: %v", err)
	}
}

// TestRegionReport: every format of "regionReport" is the library's
// encoding of the same report, anonymised when asked.
func TestRegionReport(t *testing.T) {
	for _, anon := range []bool{false, true} {
		r := libraryReport(t, exampleFiles(t), &region.Options{Anonymise: anon})
		for format, enc := range map[string]func(*bytes.Buffer) error{
			"pdf":  func(b *bytes.Buffer) error { return region.EncodePDF(b, r) },
			"xlsx": func(b *bytes.Buffer) error { return region.EncodeXLSX(b, r) },
			"html": func(b *bytes.Buffer) error { return region.EncodeHTML(b, r) },
			"json": func(b *bytes.Buffer) error { return region.EncodeJSON(b, r) },
			"vcf":  func(b *bytes.Buffer) error { return region.EncodeVCard(b, r) },
		} {
			var want bytes.Buffer
			if err := enc(&want); err != nil {
				t.Fatal(err)
			}
			got, err := handle("regionReport", regionRequest(t, format, anon, exampleFiles(t)...))
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s (anonymised %v): not the library's bytes", format, anon)
			}
		}
	}
}
