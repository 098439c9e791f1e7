//go:build !js

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookProgressInBrowser opens a filled follow-up workbook on the
// Draft screen: the page downloads its progress report, the bytes the
// engine's "progress" (and "ncskit progress") gives, and refuses a
// tampered workbook with the sheet and cell of the problem.
func TestWorkbookProgressInBrowser(t *testing.T) {
	report := func(progress int) func(f *excelize.File, sheet string) {
		return func(f *excelize.File, sheet string) {
			for cell, v := range map[string]any{"A2": "2027-Q1", "B2": "GOV-01", "C2": "In progress", "D2": progress} {
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "corallia-follow-up.xlsx"), filepath.Join(dir, "tampered.xlsx")
	goodData := followupWorkbook(t, report(40))
	if err := os.WriteFile(good, goodData, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, followupWorkbook(t, report(140)), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := handle("progress", progressRequest(t, "corallia-follow-up.xlsx", goodData, "pdf"))
	if err != nil {
		t.Fatal(err)
	}

	s := newTab(t, workbook(t), "progress.html")
	s.open()
	s.goTo("sessions")
	s.openExample()
	s.goTo("draft")
	s.wait("the follow-up picker", `!!document.getElementById('draft-followup-file')`)

	s.do("open the follow-up workbook", chromedp.SetUploadFiles(chromedp.ID("draft-followup-file"), []string{good}))
	got := s.readDownload("corallia-follow-up-progress-report.pdf")
	if !bytes.Equal(got, want) {
		t.Errorf("the page's progress report: %d bytes, the engine's: %d, and they differ", len(got), len(want))
	}
	s.wait("the status", `/progress-report\.pdf/.test(document.getElementById('draft-followup-status').textContent)`)

	s.do("open the tampered workbook", chromedp.SetUploadFiles(chromedp.ID("draft-followup-file"), []string{bad}))
	s.wait("the refusal", `document.getElementById('draft-followup-status').classList.contains('error')`)
	if msg := s.text("#draft-followup-status"); !strings.Contains(msg, "tampered.xlsx") || !strings.Contains(msg, "!D2") {
		t.Errorf("the refusal does not locate the problem: %q", msg)
	}
	s.shot("35-draft-followup")
}
