package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/drafttest"
	followup "github.com/ncskit/ncskit/progress"
	"github.com/ncskit/ncskit/render/xlsx"
)

// followupWorkbook is the small island's follow-up workbook with one
// report on its Reporting sheet, set by edit.
func followupWorkbook(t *testing.T, edit func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	var buf bytes.Buffer
	d := drafttest.Draft(t, "small-island")
	if err := xlsx.Encode(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	edit(f, d.Labels.Get("xlsx.sheet.reporting"))
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func progressRequest(t *testing.T, name string, data []byte, format string) []byte {
	t.Helper()
	req, err := json.Marshal(ProgressRequest{File: ImportFile{Name: name, Data: base64.StdEncoding.EncodeToString(data)}, Format: format})
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// TestProgress: "progress" gives the library's report of a follow-up
// workbook in each format, the bytes "ncskit progress" writes, and
// refuses a tampered workbook naming the file and the cell.
func TestProgress(t *testing.T) {
	data := followupWorkbook(t, func(f *excelize.File, sheet string) {
		for cell, v := range map[string]any{"A2": "2027-Q1", "B2": "GOV-01", "C2": "In progress", "D2": 40} {
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	})
	w, err := followup.Read("follow-up.xlsx", data)
	if err != nil {
		t.Fatalf("the filled workbook does not read: %v", err)
	}
	rep := followup.Compute(w)
	for format, enc := range map[string]func(*bytes.Buffer) error{
		"pdf":  func(b *bytes.Buffer) error { return followup.EncodePDF(b, rep) },
		"html": func(b *bytes.Buffer) error { return followup.EncodeHTML(b, rep) },
		"json": func(b *bytes.Buffer) error { return followup.EncodeJSON(b, rep) },
	} {
		var want bytes.Buffer
		if err := enc(&want); err != nil {
			t.Fatal(err)
		}
		got, err := handle("progress", progressRequest(t, "follow-up.xlsx", data, format))
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: not the library's bytes", format)
		}
	}

	bad := followupWorkbook(t, func(f *excelize.File, sheet string) {
		for cell, v := range map[string]any{"A2": "2027-Q1", "B2": "GOV-01", "C2": "In progress", "D2": 140} {
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		req  []byte
		want string
	}{
		{progressRequest(t, "plan.xlsx", bad, "pdf"), "plan.xlsx: "},
		{progressRequest(t, "plan.xlsx", bad, "pdf"), "!D2: "},
		{progressRequest(t, "plan.xlsx", data, "docx"), `progress: format "docx": give one of json, html, pdf`},
		{[]byte(`{"format": "pdf"}`), "progress: no file"},
		{[]byte(`{"file": {"name": "x.xlsx", "data": "%%"}, "format": "pdf"}`), "x.xlsx: the data is not base64"},
		{progressRequest(t, "notes.xlsx", []byte("not a workbook"), "json"), "notes.xlsx"},
	} {
		if _, err := handle("progress", c.req); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("want an error with %q, got %v", c.want, err)
		}
	}
}
