package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
)

// filledQuestionnaire fills a blank English questionnaire, as written by
// questionnaire.Write, the way a respondent would: name and organisation
// on the Respondent sheet, and a level (and optionally more columns, from
// D: level, target, provision, confidence, person-dependent, evidence)
// for each indicator in answers.
func filledQuestionnaire(t testing.TB, name, org string, answers map[string][]string) []byte {
	t.Helper()
	var blank bytes.Buffer
	if err := questionnaire.Write(&blank, assess.Default(), &questionnaire.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&blank)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set := func(sheet, cell, v string) {
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Respondent", "B4", name)
	set("Respondent", "B5", org)
	set("Respondent", "B6", "Director")
	set("Respondent", "B8", "2026-10-01")
	for id, values := range answers {
		sheet := strings.SplitN(id, ".", 2)[0]
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		row := 0
		for i, r := range rows {
			if len(r) > 0 && r[0] == id {
				row = i + 1
			}
		}
		if row == 0 {
			t.Fatalf("no row for %s on sheet %s", id, sheet)
		}
		for i, v := range values {
			cell, _ := excelize.CoordinatesToCellName(4+i, row)
			set(sheet, cell, v)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
