package questionnaire_test

import (
	"bytes"
	"fmt"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/xuri/excelize/v2"
)

func ExampleWrite() {
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, assess.Default(), &questionnaire.Options{Lang: "es"}); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.GetSheetList())
	for _, cell := range []string{"A3", "D3", "A14"} {
		v, _ := f.GetCellValue("IRC", cell)
		fmt.Printf("IRC!%s %s\n", cell, v)
	}
	// Output:
	// [Instrucciones Encuestado GOV IRC CAP OUT ncskit]
	// IRC!A3 ID
	// IRC!D3 Nivel
	// IRC!A14 IRC.SA.1
}

func ExampleRead() {
	m := assess.Default()
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, m, nil); err != nil {
		fmt.Println(err)
		return
	}
	// A respondent fills it in (here with excelize; usually in Excel).
	f, _ := excelize.OpenReader(&buf)
	f.SetCellStr("Respondent", "B4", "Ana Pérez")
	f.SetCellStr("Respondent", "B5", "Ministry of National Security")
	f.SetCellStr("IRC", "D14", "3 - Defined")
	f.SetCellStr("IRC", "G14", "high")
	f.SetCellInt("IRC", "D15", 2)
	f.SetCellStr("IRC", "G15", "Low")
	filled, _ := f.WriteToBuffer()

	q, err := questionnaire.Read("minsec.xlsx", bytes.NewReader(filled.Bytes()), int64(filled.Len()), m)
	if err != nil {
		fmt.Println(err) // one "FILE: SHEET!CELL: message" per line
		return
	}
	for _, a := range q.Answers {
		fmt.Println(a.Cell, a.Indicator, a.Level, a.Confidence)
	}

	a := &assess.Assessment{SchemaVersion: assess.SchemaVersion, Model: assess.ModelRef{ID: m.ID, Version: m.Version}}
	if err := questionnaire.Merge(m, a, q); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Respondents[0].ID, a.Respondents[0].Stakeholder, len(a.Responses))
	// Output:
	// IRC!D14 IRC.SA.1 3 high
	// IRC!D15 IRC.SA.2 2 low
	// ana-perez ministry-of-national-security 2
}

func ExampleRead_errors() {
	m := assess.Default()
	var buf bytes.Buffer
	questionnaire.Write(&buf, m, nil)
	f, _ := excelize.OpenReader(&buf)
	f.SetCellStr("Respondent", "B4", "Ana Pérez")
	f.SetCellStr("IRC", "D14", "7")
	f.SetCellStr("IRC", "F15", "the ministry")
	filled, _ := f.WriteToBuffer()

	_, err := questionnaire.Read("minsec.xlsx", bytes.NewReader(filled.Bytes()), int64(filled.Len()), m)
	fmt.Println(err)
	// Output:
	// minsec.xlsx: Respondent!B5: the respondent's organisation is missing
	// minsec.xlsx: IRC!D14: "7" is not a level (1-5)
	// minsec.xlsx: IRC!D15: IRC.SA.2 has other answers but no level: choose a level, "n/a" or "unknown"
	// minsec.xlsx: IRC!F15: "the ministry" is not a provision mode (National, Shared or regional, Outsourced, Donor-funded)
}

func ExampleImport() {
	m := assess.Default()
	// Two respondents fill in a questionnaire each (here with excelize).
	var filled []*questionnaire.Filled
	for _, r := range []struct{ file, name, org, level string }{
		{"ana.xlsx", "Ana Pérez", "Ministry of National Security", "3 - Defined"},
		{"ivan.xlsx", "Иван Петров", "CoralCIRT", "2"},
	} {
		var buf bytes.Buffer
		questionnaire.Write(&buf, m, nil)
		f, _ := excelize.OpenReader(&buf)
		f.SetCellStr("Respondent", "B4", r.name)
		f.SetCellStr("Respondent", "B5", r.org)
		f.SetCellStr("Respondent", "B8", "2026-10-14")
		f.SetCellStr("IRC", "D14", r.level)
		data, _ := f.WriteToBuffer()
		q, err := questionnaire.Read(r.file, bytes.NewReader(data.Bytes()), int64(data.Len()), m)
		if err != nil {
			fmt.Println(err)
			return
		}
		filled = append(filled, q)
	}

	// Into a new assessment (nil), whose profile is to be filled in.
	im, err := questionnaire.Import(m, nil, filled, nil)
	if err != nil {
		fmt.Println(err) // every problem, located: "ana.xlsx: IRC!D14: ..."
		return
	}
	for _, f := range im.Files {
		fmt.Printf("%s: %s of %s, new %v, %d answers, %d added\n", f.Filled.File, f.Respondent, f.Stakeholder, f.NewRespondent, f.Answers, f.Added)
	}
	a := im.Assessment
	fmt.Println(a.Profile.Country, a.Session.Date, len(a.Responses))
	// Output:
	// ana.xlsx: ana-perez of ministry-of-national-security, new true, 1 answers, 1 added
	// ivan.xlsx: r-e8eef5cd of coralcirt, new true, 1 answers, 1 added
	// FILL IN: country 2026-10-14 2
}
