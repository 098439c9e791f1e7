package questionnaire

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/xuri/excelize/v2"
)

// The widths of the instructions and respondent sheets' columns.
const (
	instLabelWidth = 24
	instTextWidth  = 100
)

var respWidths = [3]float64{30, 50, 56}

// writeInstructions fills the instructions sheet: how to answer, the
// levels, the answer columns, the provision modes and the pillar sheets.
func (b *builder) writeInstructions() {
	s, l, m := b.instName, b.lang, b.m
	b.layout(s, []float64{instLabelWidth, instTextWidth}, false)
	b.set(s, "A1", tr(l, "title"), b.st.title)
	b.rowHeight(s, 1, 22)
	b.set(s, "A2", m.Name.In(l), b.st.subtitle)
	row := 3
	b.wide(s, row, "B", tr(l, "inst.intro"), b.st.para, instLabelWidth+instTextWidth)
	if b.resp != nil {
		row++
		b.wide(s, row, "B", tr(l, "inst.prefilled"), b.st.label, instLabelWidth+instTextWidth)
	}

	row = b.heading(s, row+2, tr(l, "inst.how"))
	var ids []string
	for _, p := range m.Pillars {
		ids = append(ids, p.ID)
	}
	steps := []string{
		tr(l, "inst.step1", "respondent", b.respName),
		tr(l, "inst.step2", "sheets", strings.Join(ids, ", "), "level", tr(l, "col.level")),
		tr(l, "inst.step3"),
		tr(l, "inst.step4", "unknown", tr(l, "choice.unknown")),
		tr(l, "inst.step5"),
		tr(l, "inst.step6"),
	}
	if b.factsName != "" {
		steps = append(steps, tr(l, "inst.facts", "facts", b.factsName))
	}
	for i, text := range steps {
		b.entry(s, row, fmt.Sprintf("%d.", i+1), b.st.number, text)
		row++
	}

	row = b.heading(s, row+1, tr(l, "inst.scale"))
	for i, lv := range m.Scale.Levels {
		b.entry(s, row, levelItem(m, i+1, l), b.st.label, lv.Meaning.In(l))
		row++
	}
	b.entry(s, row, tr(l, "choice.na"), b.st.label, m.Scale.NotApplicable.Name.In(l)+". "+m.Scale.NotApplicable.Meaning.In(l))
	b.entry(s, row+1, tr(l, "choice.unknown"), b.st.label, m.Scale.Unknown.Name.In(l)+". "+m.Scale.Unknown.Meaning.In(l))
	row += 2

	row = b.heading(s, row+1, tr(l, "inst.columns"))
	helps := []struct{ col column }{{colLevel}, {colTarget}, {colProvision}, {colConfidence}, {colPersonDependent}, {colEvidence}}
	for _, h := range helps {
		key := columns[h.col].key
		text := tr(l, key+".help",
			"na", tr(l, "choice.na"), "unknown", tr(l, "choice.unknown"),
			"high", tr(l, "choice.high"), "medium", tr(l, "choice.medium"), "low", tr(l, "choice.low"),
			"yes", tr(l, "choice.yes"), "cap", fmt.Sprint(m.PersonDependentCap))
		b.entry(s, row, tr(l, key), b.st.label, text)
		row++
	}

	row = b.heading(s, row+1, tr(l, "inst.provision"))
	for _, p := range m.ProvisionModes {
		b.entry(s, row, p.Name.In(l), b.st.label, p.Meaning.In(l))
		row++
	}

	row = b.heading(s, row+1, tr(l, "inst.pillars"))
	for _, p := range m.Pillars {
		name, summary := p.Name.In(l), p.Summary.In(l)
		runs := []excelize.RichTextRun{{Text: name, Font: runFont(true, false)}}
		if summary != "" {
			runs = append(runs, excelize.RichTextRun{Text: "\n" + summary, Font: runFont(false, false)})
		}
		b.set(s, fmt.Sprintf("A%d", row), p.ID, b.st.label)
		b.rich(s, fmt.Sprintf("B%d", row), runs, b.st.para)
		b.rowHeight(s, row, height(lines(name+"\n"+summary, instTextWidth, bodySize)))
		row++
	}
	b.wide(s, row+1, "B", tr(l, "inst.about", "format", fmt.Sprint(FormatVersion), "model", m.ID, "version", m.Version),
		b.st.note, instLabelWidth+instTextWidth)
	b.printSetup(s, "portrait", "")
}

// heading writes a section heading in column A and returns the next row.
func (b *builder) heading(sheet string, row int, text string) int {
	b.set(sheet, fmt.Sprintf("A%d", row), text, b.st.heading)
	b.rowHeight(sheet, row, 24)
	return row + 1
}

// entry writes a label in column A and a wrapped paragraph in column B.
func (b *builder) entry(sheet string, row int, label string, labelStyle int, text string) {
	b.set(sheet, fmt.Sprintf("A%d", row), label, labelStyle)
	b.set(sheet, fmt.Sprintf("B%d", row), text, b.st.para)
	n := max(lines(text, instTextWidth, bodySize), lines(label, instLabelWidth, bodySize))
	b.rowHeight(sheet, row, height(n))
}

// wide writes a paragraph across columns A to last of row.
func (b *builder) wide(sheet string, row int, last, text string, style int, width float64) {
	first := fmt.Sprintf("A%d", row)
	b.set(sheet, first, text, style)
	if b.err == nil {
		b.err = b.f.MergeCell(sheet, first, fmt.Sprintf("%s%d", last, row))
	}
	b.rowHeight(sheet, row, height(lines(text, width, bodySize)))
}

// writeRespondent fills the respondent sheet: who answers.
func (b *builder) writeRespondent() error {
	s, l := b.respName, b.lang
	b.layout(s, respWidths[:], false)
	b.set(s, "A1", tr(l, "resp.title"), b.st.title)
	b.rowHeight(s, 1, 22)
	b.wide(s, 2, "C", tr(l, "resp.intro"), b.st.intro, respWidths[0]+respWidths[1]+respWidths[2])
	var values [numFields]string
	if b.resp != nil {
		values[fieldName], values[fieldOrganisation], values[fieldTitle] = b.resp.Name, b.org, b.resp.Title
	}
	for i, fd := range fields {
		row := firstRespRow + i
		style := b.st.input
		if i == fieldDate {
			style = b.st.date
		}
		b.set(s, fmt.Sprintf("A%d", row), tr(l, fd.label), b.st.label)
		b.set(s, fieldCell(i), values[i], style)
		b.set(s, fmt.Sprintf("C%d", row), tr(l, fd.hint), b.st.hint)
		n := max(lines(values[i], respWidths[1], bodySize), lines(tr(l, fd.hint), respWidths[2], bodySize), 1)
		b.rowHeight(s, row, max(height(n), 20))
	}
	if id := b.o.Respondent; id != "" {
		row := firstRespRow + numFields + 1
		b.set(s, fmt.Sprintf("A%d", row), tr(l, "resp.id"), b.st.label)
		b.set(s, fmt.Sprintf("B%d", row), id, b.st.fixed)
		b.rowHeight(s, row, height(lines(tr(l, "resp.id"), respWidths[0], bodySize)))
	}
	if b.err != nil {
		return b.err
	}
	for i := range fieldDate {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fieldCell(i)
		if err := dv.SetRange(0, assess.MaxName, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, truncate(tr(l, fields[i].label), 32), tr(l, "error.length", "max", strconv.Itoa(assess.MaxName)))
		if err := b.f.AddDataValidation(s, dv); err != nil {
			return err
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fieldCell(fieldDate)
	// 2000-01-01 to 2100-12-31 as spreadsheet serial dates.
	if err := dv.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetInput(tr(l, "resp.date"), tr(l, "prompt.date"))
	dv.SetError(excelize.DataValidationErrorStyleStop, tr(l, "resp.date"), tr(l, "error.date"))
	if err := b.f.AddDataValidation(s, dv); err != nil {
		return err
	}
	b.printSetup(s, "portrait", "")
	return b.err
}

// writePillar fills the sheet of pillar p: one row per indicator, a band
// row per area.
func (b *builder) writePillar(p *assess.Pillar) error {
	s, l := p.ID, b.lang
	var widths []float64
	var total float64
	for c := range numColumns {
		widths = append(widths, columns[c].width)
		total += columns[c].width
	}
	last := (numColumns - 1).letter()
	b.layout(s, widths, true)
	b.set(s, "A1", p.ID+" — "+p.Name.In(l), b.st.title)
	b.rowHeight(s, 1, 22)
	b.wide(s, 2, last, tr(l, "pillar.hint"), b.st.intro, total)
	n := 1
	for c := range numColumns {
		head := tr(l, columns[c].key)
		b.set(s, c.cell(headerRow), head, b.st.header)
		n = max(n, lines(head, columns[c].width, bodySize))
	}
	b.rowHeight(s, headerRow, height(n)+4)

	row := headerRow + 1
	first := row
	for _, a := range p.Areas {
		b.set(s, colID.cell(row), a.ID, b.st.area)
		b.set(s, colIndicator.cell(row), a.Name.In(l), b.st.area)
		for c := colLevels; c < numColumns; c++ {
			b.set(s, c.cell(row), "", b.st.area)
		}
		b.rowHeight(s, row, 18)
		row++
		for _, in := range a.Indicators {
			b.writeIndicator(s, row, in)
			row++
		}
	}
	if b.err != nil {
		return b.err
	}
	if err := b.validations(s, first, row-1); err != nil {
		return err
	}
	if err := b.f.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: headerRow, TopLeftCell: colLevels.cell(headerRow + 1), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: colLevel.cell(first + 1), ActiveCell: colLevel.cell(first + 1), Pane: "bottomRight"}}}); err != nil {
		return err
	}
	b.printSetup(s, "landscape", fmt.Sprintf("$%d:$%d", headerRow, headerRow))
	return b.err
}

// writeIndicator writes one indicator's row: the ID, the title, question
// and evidence, the level descriptions, and the answer cells.
func (b *builder) writeIndicator(s string, row int, in *assess.Indicator) {
	l, m := b.lang, b.m
	b.set(s, colID.cell(row), in.ID, b.st.id)
	title, question, evidence := in.Title.In(l), in.Question.In(l), in.Evidence.In(l)
	runs := []excelize.RichTextRun{
		{Text: title, Font: runFont(true, false)},
		{Text: "\n" + question, Font: runFont(false, false)},
	}
	text := title + "\n" + question
	if evidence != "" {
		label := tr(l, "indicator.evidence")
		runs = append(runs, excelize.RichTextRun{Text: "\n\n" + label + evidence, Font: runFont(false, true)})
		text += "\n\n" + label + evidence
	}
	b.rich(s, colIndicator.cell(row), runs, b.st.text)
	n := lines(text, columns[colIndicator].width, bodySize)

	runs, text = nil, ""
	for i, d := range in.Levels {
		sep := ""
		if i > 0 {
			sep = "\n"
		}
		head := fmt.Sprintf("%s%d %s: ", sep, i+1, m.Scale.Name(i+1, l))
		runs = append(runs, excelize.RichTextRun{Text: head, Font: runFont(true, false)},
			excelize.RichTextRun{Text: d.In(l), Font: runFont(false, false)})
		text += head + d.In(l)
	}
	b.rich(s, colLevels.cell(row), runs, b.st.text)
	n = max(n, lines(text, columns[colLevels].width, bodySize))

	values := b.answerCells(in.ID)
	for c := colLevel; c < numColumns; c++ {
		b.set(s, c.cell(row), values[c], b.st.input)
		n = max(n, lines(values[c], columns[c].width, bodySize))
	}
	b.rowHeight(s, row, height(n))
}

// answerCells returns the pre-filled answer to indicator id, as the cells
// show it.
func (b *builder) answerCells(id string) (v [numColumns]string) {
	r, ok := b.answers[id]
	if !ok {
		return v
	}
	l := b.lang
	switch {
	case r.Level.IsLevel():
		v[colLevel] = levelItem(b.m, int(r.Level), l)
	case r.Level == assess.NotApplicable:
		v[colLevel] = tr(l, "choice.na")
	case r.Level == assess.Unknown:
		v[colLevel] = tr(l, "choice.unknown")
	}
	if r.Target > 0 {
		v[colTarget] = levelItem(b.m, r.Target, l)
	}
	for _, p := range b.m.ProvisionModes {
		if p.ID == r.Provision {
			v[colProvision] = p.Name.In(l)
		}
	}
	if r.Confidence != "" {
		v[colConfidence] = tr(l, "choice."+r.Confidence)
	}
	if r.PersonDependent {
		v[colPersonDependent] = tr(l, "choice.yes")
	}
	v[colEvidence] = r.Evidence
	return v
}

// validations adds the drop-down lists and prompts to the answer cells of
// rows first to last.
func (b *builder) validations(s string, first, last int) error {
	l := b.lang
	lv, tg, pm, cf, yn := lists(b.m, l)
	for _, v := range []struct {
		col    column
		list   string
		prompt string
	}{
		{colLevel, lv.name, "prompt.level"},
		{colTarget, tg.name, "prompt.target"},
		{colProvision, pm.name, "prompt.provision"},
		{colConfidence, cf.name, "prompt.confidence"},
		{colPersonDependent, yn.name, "prompt.personDependent"},
		{colEvidence, "", "prompt.evidence"},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = v.col.cell(first) + ":" + v.col.cell(last)
		if v.list != "" {
			dv.SetSqrefDropList(v.list)
			dv.SetError(excelize.DataValidationErrorStyleStop, tr(l, "error.title"), tr(l, "error.list"))
		}
		if v.col == colEvidence {
			if err := dv.SetRange(0, assess.MaxText, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, truncate(tr(l, columns[v.col].key), 32), tr(l, "error.length", "max", strconv.Itoa(assess.MaxText)))
		}
		dv.SetInput(truncate(tr(l, columns[v.col].key), 32), truncate(tr(l, v.prompt), 255))
		if err := b.f.AddDataValidation(s, dv); err != nil {
			return err
		}
	}
	return nil
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// layout sets a sheet's column widths, from column A, and view.
func (b *builder) layout(s string, widths []float64, grid bool) {
	for i, w := range widths {
		if b.err == nil {
			col := column(i).letter()
			b.err = b.f.SetColWidth(s, col, col, w)
		}
	}
	if b.err == nil {
		b.err = b.f.SetSheetView(s, 0, &excelize.ViewOptions{ShowGridLines: &grid})
	}
}

// printSetup fits a sheet to the page width, repeats titleRows on every
// page, and prints the sheet name and page number in the footer.
func (b *builder) printSetup(s, orientation, titleRows string) {
	if b.err != nil {
		return
	}
	one, zero, fit := 1, 0, true
	margin, edge := 0.4, 0.25
	b.err = errors.Join(
		b.f.SetPageLayout(s, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}),
		b.f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &fit}),
		b.f.SetPageMargins(s, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}),
		b.f.SetHeaderFooter(s, &excelize.HeaderFooterOptions{
			OddFooter: "&L&8" + escapeHF(b.m.Name.In(b.lang)) + "&R&8&A — " + tr(b.lang, "print.footer"),
		}),
	)
	if b.err == nil && titleRows != "" {
		b.err = b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheetRef(s, titleRows), Scope: s})
	}
}

// escapeHF doubles the ampersands of text put in a header or footer.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// rowHeight sets the height of a row in points.
func (b *builder) rowHeight(s string, row int, h float64) {
	if b.err == nil {
		b.err = b.f.SetRowHeight(s, row, h)
	}
}

// runFont is the font of a run of rich text.
func runFont(bold, italic bool) *excelize.Font {
	f := &excelize.Font{Bold: bold, Italic: italic, Size: bodySize, Family: fontFamily}
	if italic {
		f.Color = noteColour
	}
	return f
}
