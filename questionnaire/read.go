package questionnaire

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ncskit/ncskit/schemas"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
	"github.com/xuri/excelize/v2"
)

// Filled is one respondent's filled-in questionnaire as Read found it.
type Filled struct {
	// File is the name given to Read; messages about the file start with it.
	File string
	// Model is the model ID and version the questionnaire was made for.
	Model assess.ModelRef
	// Lang is the language it was written in.
	Lang string
	// RespondentID is the ID given when the questionnaire was made (see
	// Options.Respondent), or "" when Merge should make one from the name.
	RespondentID string
	// The respondent's details, trimmed. Date is YYYY-MM-DD or "". Contact
	// and Date have no place in an assessment; they are here for the
	// facilitator.
	Name, Organisation, Title, Contact, Date string
	// Answers are the answered indicators, pillar by pillar in model
	// order, then row by row.
	Answers []Answer
	// Facts are the country facts of the facts sheet, row by row, or nil
	// when the questionnaire has no facts sheet. Stakeholders (an
	// instrument's owner, an institution, a network's member) are as the
	// respondent wrote them, a name or an ID; Merge finds them among the
	// assessment's stakeholders.
	Facts *assess.Facts

	respSheet string     // the respondent sheet's name as found
	factCells *factCells // where each fact was read
}

// Answer is one answer and where it was read.
type Answer struct {
	// Response is the answer. Its Respondent is empty: Merge sets it.
	assess.Response
	// Cell is the level's cell ("IRC!D14").
	Cell string

	sheet string
	row   int
}

// at returns the reference of the answer's cell in column c.
func (a Answer) at(c column) string { return sheetRef(a.sheet, c.cell(a.row)) }

// Read reads one respondent's filled questionnaire, made by Write for
// model m, from r (size bytes; name is used in messages only). It is
// tolerant of what people do in a spreadsheet (numbers stored as text,
// level names instead of numbers, odd case and spacing, blank rows,
// reordered or extra sheets) and strict about what matters: the model and
// format version, the layout of the sheets, the indicator IDs and every
// answer's value. A formula in an answer cell is read as its text
// ("=SUM(A1)"), never evaluated. All problems are returned together in an
// problem.List, each naming the file and the cell.
//
// Hostile or damaged files are refused early: the file may be at most
// 10 MB, unpack to at most 32 MB, and no sheet may have more than 2,000
// rows. Read never writes a temporary file.
func Read(name string, r io.ReaderAt, size int64, m *assess.Model) (filled *Filled, err error) {
	p := &problems{file: name}
	defer func() {
		// excelize is not built for hostile input; a panic there is a
		// problem with this file, not a reason to stop the program.
		if v := recover(); v != nil {
			filled, err = nil, problem.List{{File: name, Message: fmt.Sprintf("the workbook could not be read (%v)", v)}}
		}
	}()
	z, msg := sniff(r, size)
	if msg != "" {
		p.add("", msg)
		return nil, p.err()
	}
	if checkParts(z, p); len(p.list) > 0 {
		return nil, p.err()
	}
	x, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped,
	})
	if err != nil {
		p.add("", "the workbook could not be read: "+err.Error())
		return nil, p.err()
	}
	defer x.Close()
	rd := &reader{x: x, m: m, p: p, f: &Filled{File: name}}
	rd.read()
	if err := p.err(); err != nil {
		return nil, err
	}
	return rd.f, nil
}

// reader reads one workbook.
type reader struct {
	x        *excelize.File
	m        *assess.Model
	p        *problems
	f        *Filled
	a        *answers
	date1904 bool
	seen     map[string]string // indicator ID → the cell of its ID
}

func (rd *reader) read() {
	if !rd.readMeta() {
		return
	}
	rd.a = newAnswers(rd.m, rd.f.Lang)
	if props, err := rd.x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		rd.date1904 = *props.Date1904
	}
	rd.readRespondent()
	rd.seen = map[string]string{}
	for _, p := range rd.m.Pillars {
		rd.readPillar(p)
	}
	rd.readFacts()
}

// sheet returns the name of the workbook's sheet called name, ignoring
// case as spreadsheet programs do, or "" with a problem.
func (rd *reader) sheet(name string) string {
	for _, s := range rd.x.GetSheetList() {
		if strings.EqualFold(s, name) {
			return s
		}
	}
	rd.p.add("", fmt.Sprintf("the sheet %q is missing", name))
	return ""
}

// rows reads the first columns of at most maxSheetRows rows of a sheet,
// with formulas in place of their values.
func (rd *reader) rows(sheet string, width int) ([][]string, bool) {
	it, err := rd.x.Rows(sheet)
	if err != nil {
		rd.p.add(sheet, "the sheet could not be read: "+err.Error())
		return nil, false
	}
	defer it.Close()
	var out [][]string
	for it.Next() {
		if len(out) == maxSheetRows {
			rd.p.add(sheet, fmt.Sprintf("the sheet has more than %d rows, far more than a questionnaire: stopped reading", maxSheetRows))
			return nil, false
		}
		cols, err := it.Columns()
		if err != nil {
			rd.p.add(sheet, "the sheet could not be read: "+err.Error())
			return nil, false
		}
		row := make([]string, width)
		copy(row, cols)
		out = append(out, row)
	}
	if err := it.Error(); err != nil {
		rd.p.add(sheet, "the sheet could not be read: "+err.Error())
		return nil, false
	}
	return out, true
}

// formula returns the formula of a cell written as the respondent typed it
// ("=SUM(A1)"), or "" when the cell holds a plain value.
func (rd *reader) formula(sheet, cell string) string {
	f, err := rd.x.GetCellFormula(sheet, cell)
	if err != nil || f == "" {
		return ""
	}
	return "=" + f
}

// readMeta reads the hidden sheet and checks the format, model and
// language. It reports false when the rest cannot be read.
func (rd *reader) readMeta() bool {
	var sheet string
	for _, s := range rd.x.GetSheetList() {
		if strings.EqualFold(s, metaSheet) {
			sheet = s
		}
	}
	if sheet == "" {
		rd.p.add("", fmt.Sprintf("not an ncskit questionnaire: the hidden sheet %q is missing (make questionnaires with \"ncskit questionnaire\")", metaSheet))
		return false
	}
	rows, ok := rd.rows(sheet, 2)
	if !ok {
		return false
	}
	values, cells := map[string]string{}, map[string]string{}
	for i, r := range rows {
		k := strings.TrimSpace(r[0])
		if _, dup := values[k]; !dup && k != "" {
			values[k], cells[k] = strings.TrimSpace(r[1]), sheetRef(sheet, fmt.Sprintf("B%d", i+1))
		}
	}
	before := len(rd.p.list)
	for _, k := range metaKeys[:4] {
		if values[k] == "" {
			rd.p.add(sheet, fmt.Sprintf("the %q entry is missing: the hidden sheet was changed", k))
		}
	}
	if len(rd.p.list) > before {
		return false
	}
	format, err := strconv.Atoi(values[keyFormat])
	switch {
	case err != nil || format < 1:
		rd.p.add(cells[keyFormat], fmt.Sprintf("%s is not a questionnaire format version", quote(values[keyFormat])))
	case format > FormatVersion:
		rd.p.add(cells[keyFormat], fmt.Sprintf("the questionnaire has format %d, newer than the format %d this ncskit reads: update ncskit", format, FormatVersion))
	}
	id, version := values[keyModelID], values[keyModelVersion]
	switch {
	case id != rd.m.ID:
		rd.p.add(cells[keyModelID], fmt.Sprintf("the questionnaire is for model %q, not %q", id, rd.m.ID))
	case major(version) != major(rd.m.Version):
		rd.p.add(cells[keyModelVersion], fmt.Sprintf("the questionnaire is for version %s of model %s, which is incompatible with version %s", version, id, rd.m.Version))
	}
	lang := values[keyLang]
	if !supported(lang) {
		rd.p.add(cells[keyLang], fmt.Sprintf("%s is not a questionnaire language (%s)", quote(lang), strings.Join(Languages(), ", ")))
	}
	resp := values[keyRespondent]
	if resp != "" && !validID(resp) {
		rd.p.add(cells[keyRespondent], fmt.Sprintf("%s is not a respondent ID", quote(resp)))
	}
	rd.f.Model = assess.ModelRef{ID: id, Version: version}
	rd.f.Lang, rd.f.RespondentID = lang, resp
	return len(rd.p.list) == before
}

// readRespondent reads and checks the respondent's details.
func (rd *reader) readRespondent() {
	l := rd.f.Lang
	sheet := rd.sheet(tr(l, "sheet.respondent"))
	if sheet == "" {
		return
	}
	rd.f.respSheet = sheet
	rows, ok := rd.rows(sheet, 2)
	if !ok {
		return
	}
	var values [numFields]string
	var moved [numFields]bool
	for i, fd := range fields {
		row := firstRespRow + i
		label, value := cellAt(rows, row, 0), cellAt(rows, row, 1)
		if want := tr(l, fd.label); !sameLabel(label, want) {
			rd.p.add(sheetRef(sheet, fmt.Sprintf("A%d", row)), fmt.Sprintf("the label is %s, not %q: the sheet's layout was changed", quote(label), want))
			moved[i] = true
			continue
		}
		if f := rd.formula(sheet, fieldCell(i)); f != "" {
			value = f
		}
		values[i] = strings.TrimSpace(value)
	}
	for i := range fieldDate {
		at := sheetRef(sheet, fieldCell(i))
		switch {
		case moved[i]:
		case values[i] == "" && (i == fieldName || i == fieldOrganisation):
			what := [...]string{fieldName: "name", fieldOrganisation: "organisation"}[i]
			rd.p.add(at, fmt.Sprintf("the respondent's %s is missing", what))
		default:
			rd.text(at, values[i], assess.MaxName)
		}
	}
	d, msg := date(values[fieldDate], rd.date1904)
	if msg != "" {
		rd.p.add(sheetRef(sheet, fieldCell(fieldDate)), msg)
	}
	f := rd.f
	f.Name, f.Organisation, f.Title, f.Contact, f.Date =
		values[fieldName], values[fieldOrganisation], values[fieldTitle], values[fieldContact], d
}

// text checks a text as it will be imported: at most limit characters
// (assess.MaxName for a one-line field, assess.MaxText for evidence), and
// no control character but tab and line breaks, as the JSON reader
// requires of every text.
func (rd *reader) text(at, s string, limit int) {
	if n := utf8.RuneCountInString(s); n > limit {
		rd.p.add(at, fmt.Sprintf("the text is %d characters long; the limit is %d", n, limit))
	}
	if msg := schemas.ControlCharacter(s); msg != "" {
		rd.p.addHint(at, schemas.ControlHint, msg)
	}
}

// sameLabel compares a label as found with the label expected, forgiving
// case and spacing.
func sameLabel(got, want string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(got), " "), want)
}

// cellAt returns the value of a 1-based row and 0-based column, or "".
func cellAt(rows [][]string, row, col int) string {
	if row < 1 || row > len(rows) || col >= len(rows[row-1]) {
		return ""
	}
	return rows[row-1][col]
}

// readPillar reads the answers on the sheet of pillar p.
func (rd *reader) readPillar(p *assess.Pillar) {
	sheet := rd.sheet(p.ID)
	if sheet == "" {
		return
	}
	rows, ok := rd.rows(sheet, int(numColumns))
	if !ok {
		return
	}
	header := rd.header(sheet, rows)
	if header == 0 {
		return
	}
	for i := header; i < len(rows); i++ {
		rd.readRow(sheet, p, i+1, rows[i])
	}
}

// header finds the header row of a pillar sheet (a row inserted above it
// is forgiven) and checks every column's header. It returns the row
// number, or 0.
func (rd *reader) header(sheet string, rows [][]string) int {
	l := rd.f.Lang
	idHead := tr(l, columns[colID].key)
	row := 0
	for i := 0; i < len(rows) && i < 20; i++ {
		if sameLabel(rows[i][colID], idHead) {
			row = i + 1
			break
		}
	}
	if row == 0 {
		rd.p.add(sheetRef(sheet, colID.cell(headerRow)), fmt.Sprintf("the header row (%q, %q, …) is missing: the sheet's layout was changed", idHead, tr(l, columns[colIndicator].key)))
		return 0
	}
	ok := true
	for c := colIndicator; c < numColumns; c++ {
		got, want := rows[row-1][c], tr(l, columns[c].key)
		if !sameLabel(got, want) {
			rd.p.add(sheetRef(sheet, c.cell(row)), fmt.Sprintf("the header is %s, not %q: the sheet's layout was changed", quote(got), want))
			ok = false
		}
	}
	if !ok {
		return 0
	}
	return row
}

// readRow reads one row below the header: an indicator, an area band or
// a blank row.
func (rd *reader) readRow(sheet string, p *assess.Pillar, row int, cells []string) {
	at := func(c column) string { return sheetRef(sheet, c.cell(row)) }
	inputs := [numColumns]string{}
	blank := true
	for c := colLevel; c < numColumns; c++ {
		inputs[c] = cells[c]
		if f := rd.formula(sheet, c.cell(row)); f != "" {
			inputs[c] = f
		}
		if strings.TrimSpace(inputs[c]) != "" {
			blank = false
		}
	}
	id := strings.ToUpper(strings.TrimSpace(cells[colID]))
	if id == "" || rd.m.Area(id) != nil {
		if !blank {
			rd.p.add(at(firstFilled(inputs)), "an answer outside the indicator rows")
		}
		return
	}
	in := rd.m.Indicator(id)
	switch {
	case in == nil:
		rd.p.add(at(colID), fmt.Sprintf("unknown indicator %s", quote(cells[colID])))
		return
	case !strings.HasPrefix(in.ID, p.ID+"."):
		rd.p.add(at(colID), fmt.Sprintf("%s belongs on the sheet %s, not %s", in.ID, strings.SplitN(in.ID, ".", 2)[0], sheet))
		return
	}
	if first, dup := rd.seen[in.ID]; dup {
		rd.p.add(at(colID), fmt.Sprintf("%s appears twice (first at %s)", in.ID, first))
		return
	}
	rd.seen[in.ID] = at(colID)
	if blank {
		return
	}
	rd.readAnswer(sheet, row, in.ID, inputs)
}

// readAnswer parses the answer cells of one indicator.
func (rd *reader) readAnswer(sheet string, row int, id string, in [numColumns]string) {
	ans := Answer{Response: assess.Response{Indicator: id}, Cell: sheetRef(sheet, colLevel.cell(row)), sheet: sheet, row: row}
	before := len(rd.p.list)
	check := func(c column, msg string) {
		if msg != "" {
			rd.p.add(ans.at(c), msg)
		}
	}
	var msg string
	ans.Level, msg = rd.a.level(in[colLevel])
	check(colLevel, msg)
	if ans.Level == 0 && msg == "" {
		check(colLevel, fmt.Sprintf("%s has other answers but no level: choose a level, %q or %q", id, "n/a", "unknown"))
	}
	ans.Target, msg = rd.a.target(in[colTarget])
	check(colTarget, msg)
	ans.Provision, msg = rd.a.provisionMode(in[colProvision])
	check(colProvision, msg)
	ans.Confidence, msg = rd.a.confidenceLevel(in[colConfidence])
	check(colConfidence, msg)
	ans.PersonDependent, msg = rd.a.yesNo(in[colPersonDependent])
	check(colPersonDependent, msg)
	ans.Evidence = strings.TrimRight(in[colEvidence], " \t\r\n")
	rd.text(ans.at(colEvidence), ans.Evidence, assess.MaxText)
	if len(rd.p.list) == before {
		rd.f.Answers = append(rd.f.Answers, ans)
	}
}

// firstFilled returns the first answer column holding something.
func firstFilled(in [numColumns]string) column {
	for c := colLevel; c < numColumns; c++ {
		if strings.TrimSpace(in[c]) != "" {
			return c
		}
	}
	return colLevel
}
