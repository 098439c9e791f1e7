package questionnaire

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/xlsxtext"
	"github.com/xuri/excelize/v2"
)

// Options are the settings of Write. A nil *Options writes a blank
// questionnaire in English.
type Options struct {
	// Lang is the language of the workbook: its own words, and the model's
	// text where the model has that language (English otherwise). "" means
	// "en"; Languages lists the others.
	Lang string

	// Prefill, for a follow-up round, pre-fills the questionnaire with the
	// details and answers of the respondent Respondent in this assessment.
	Prefill *assess.Assessment

	// Respondent is a respondent ID, recorded in the workbook so that Read
	// returns it and Merge files the answers under it rather than under an
	// ID made from the name. It is required with Prefill, and may be given
	// alone to issue a blank questionnaire to a known respondent.
	Respondent string

	// Facts adds the facts sheet, where the country's instruments, posts,
	// treaty and network status are confirmed or filled in (pre-filled
	// from Prefill when it is given). A questionnaire pre-filled for a
	// respondent of the stakeholder that holds the lead agency's role
	// (LeadRole) has it without asking.
	Facts bool

	// Date is recorded as the workbook's creation and modification time.
	// When it is zero, Write uses the session date of Prefill, or else
	// 2000-01-01, so that the same input always gives the same bytes.
	Date time.Time
}

// Write writes a questionnaire for model m to w as an XLSX workbook: an
// instructions sheet, a respondent sheet, one sheet per pillar (named by
// the pillar ID) and a very hidden sheet named "ncskit" that records the
// format version, the model ID and version, the language and the
// respondent ID. Only the answer cells can be changed; the sheets and the
// workbook structure are protected without a password. The same model and
// options always give the same bytes.
func Write(w io.Writer, m *assess.Model, o *Options) error {
	if o == nil {
		o = &Options{}
	}
	b, err := newBuilder(m, o)
	if err != nil {
		return err
	}
	b.f = excelize.NewFile()
	defer b.f.Close()
	if err := b.build(); err != nil {
		return err
	}
	// The zip entries are written in sorted order; the content-type
	// defaults are not.
	d := b.f.ContentTypes.Defaults
	sort.Slice(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// builder holds what Write needs while it fills the workbook.
type builder struct {
	f         *excelize.File
	m         *assess.Model
	o         *Options
	lang      string
	date      time.Time
	st        styles
	resp      *assess.Respondent // pre-filled details, or nil
	org       string             // the name of resp's stakeholder
	answers   map[string]assess.Response
	instName  string
	respName  string
	factsName string // "" when the questionnaire has no facts sheet
	err       error  // the first error of a cell write
}

func newBuilder(m *assess.Model, o *Options) (*builder, error) {
	b := &builder{m: m, o: o, lang: cmp.Or(o.Lang, "en")}
	if !supported(b.lang) {
		return nil, fmt.Errorf("no questionnaire text in language %q (available: %s)", b.lang, strings.Join(Languages(), ", "))
	}
	b.instName, b.respName = tr(b.lang, "sheet.instructions"), tr(b.lang, "sheet.respondent")
	if err := checkSheetNames(m, b.instName, b.respName, tr(b.lang, "sheet.facts")); err != nil {
		return nil, err
	}
	if o.Respondent != "" && !validID(o.Respondent) {
		return nil, fmt.Errorf("respondent ID %q is not an ID: use letters, digits, '.', '_' and '-' (at most 64)", o.Respondent)
	}
	b.date = o.Date
	if o.Prefill != nil {
		if err := b.prefill(o.Prefill); err != nil {
			return nil, err
		}
	}
	if b.date.IsZero() {
		b.date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if b.wantsFacts() {
		b.factsName = tr(b.lang, "sheet.facts")
	}
	return b, nil
}

// prefill takes the respondent's details and answers from a.
func (b *builder) prefill(a *assess.Assessment) error {
	if b.o.Respondent == "" {
		return errors.New("a pre-filled questionnaire needs the ID of the respondent whose answers it holds")
	}
	if a.Model.ID != b.m.ID || major(a.Model.Version) != major(b.m.Version) {
		return fmt.Errorf("the assessment to pre-fill from was made with model %s %s, not %s %s", a.Model.ID, a.Model.Version, b.m.ID, b.m.Version)
	}
	for i := range a.Respondents {
		if a.Respondents[i].ID == b.o.Respondent {
			b.resp = &a.Respondents[i]
		}
	}
	if b.resp == nil {
		return fmt.Errorf("the assessment to pre-fill from has no respondent %q", b.o.Respondent)
	}
	b.org = b.resp.Stakeholder
	for _, s := range a.Stakeholders {
		if s.ID == b.resp.Stakeholder {
			b.org = s.Name
		}
	}
	b.answers = map[string]assess.Response{}
	for _, r := range a.Responses {
		if r.Respondent != b.o.Respondent {
			continue
		}
		if b.m.Indicator(r.Indicator) == nil {
			return fmt.Errorf("the assessment to pre-fill from has an answer to %s, which model %s %s does not have", r.Indicator, b.m.ID, b.m.Version)
		}
		b.answers[r.Indicator] = r
	}
	if d, err := time.Parse(time.DateOnly, a.Session.Date); err == nil && b.date.IsZero() {
		b.date = d
	}
	return nil
}

// checkSheetNames checks that every pillar ID can name a sheet of its own.
func checkSheetNames(m *assess.Model, reserved ...string) error {
	seen := map[string]bool{strings.ToLower(metaSheet): true}
	for _, r := range reserved {
		seen[strings.ToLower(r)] = true
	}
	for _, p := range m.Pillars {
		if p.ID == "" || utf8.RuneCountInString(p.ID) > 31 || strings.ContainsAny(p.ID, `:\/?*[]'`) {
			return fmt.Errorf("pillar ID %q cannot name a sheet: a sheet name has 1 to 31 characters and none of : \\ / ? * [ ] '", p.ID)
		}
		if seen[strings.ToLower(p.ID)] {
			return fmt.Errorf("pillar ID %q cannot name a sheet: the name is taken", p.ID)
		}
		seen[strings.ToLower(p.ID)] = true
	}
	return nil
}

func (b *builder) build() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", b.instName); err != nil {
		return err
	}
	sheets := []string{b.respName}
	for _, p := range b.m.Pillars {
		sheets = append(sheets, p.ID)
	}
	if b.factsName != "" {
		sheets = append(sheets, b.factsName)
	}
	for _, s := range append(sheets, metaSheet) {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	var err error
	if b.st, err = newStyles(f); err != nil {
		return err
	}
	if err := b.writeMeta(); err != nil {
		return err
	}
	b.writeInstructions()
	if err := b.writeRespondent(); err != nil {
		return err
	}
	for _, p := range b.m.Pillars {
		if err := b.writePillar(p); err != nil {
			return err
		}
	}
	if b.factsName != "" {
		if err := b.writeFactLists(); err != nil {
			return err
		}
		if err := b.writeFacts(); err != nil {
			return err
		}
	}
	if b.err != nil {
		return b.err
	}
	return b.finish(append([]string{b.instName}, sheets...))
}

// finish protects the sheets and the structure, hides the hidden sheet and
// sets the document properties.
func (b *builder) finish(visible []string) error {
	f := b.f
	for _, s := range visible {
		if err := f.ProtectSheet(s, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true,
		}); err != nil {
			return err
		}
	}
	if err := f.ProtectSheet(metaSheet, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	if err := f.SetSheetVisible(metaSheet, false, true); err != nil {
		return err
	}
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	stamp := b.date.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          b.m.Name.In(b.lang),
		Subject:        tr(b.lang, "title"),
		Creator:        "ncskit",
		LastModifiedBy: "ncskit",
		Keywords:       "ncskit questionnaire " + b.m.ID + " " + b.m.Version,
		Language:       b.lang,
		Created:        stamp,
		Modified:       stamp,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "ncskit"})
}

// set writes s as a text cell, never a formula, in the given style.
func (b *builder) set(sheet, cell, s string, style int) {
	if b.err != nil {
		return
	}
	if n := utf8.RuneCountInString(s); n > maxCellChars {
		b.err = fmt.Errorf("%s: the text is %d characters long; a cell holds at most %d", sheetRef(sheet, cell), n, maxCellChars)
		return
	}
	if s != "" {
		b.err = xlsxtext.Set(b.f, sheet, cell, s)
	}
	if b.err == nil && style != 0 {
		b.err = b.f.SetCellStyle(sheet, cell, cell, style)
	}
}

// rich writes runs of formatted text in one cell.
func (b *builder) rich(sheet, cell string, runs []excelize.RichTextRun, style int) {
	if b.err != nil {
		return
	}
	n := 0
	for _, r := range runs {
		n += utf8.RuneCountInString(r.Text)
	}
	if n > maxCellChars {
		b.err = fmt.Errorf("%s: the text is %d characters long; a cell holds at most %d", sheetRef(sheet, cell), n, maxCellChars)
		return
	}
	// SetCellRichText escapes "_xHHHH_" itself, unlike SetCellStr.
	if b.err = b.f.SetCellRichText(sheet, cell, runs); b.err == nil {
		b.err = b.f.SetCellStyle(sheet, cell, cell, style)
	}
}

// maxCellChars is the most characters a spreadsheet cell holds.
const maxCellChars = 32767

// writeMeta fills the hidden sheet: the keys in A:B and the drop-down lists
// from column D, each with a defined name.
func (b *builder) writeMeta() error {
	values := map[string]string{
		keyFormat:       fmt.Sprint(FormatVersion),
		keyModelID:      b.m.ID,
		keyModelVersion: b.m.Version,
		keyLang:         b.lang,
		keyRespondent:   b.o.Respondent,
	}
	for i, k := range metaKeys {
		b.set(metaSheet, fmt.Sprintf("A%d", i+1), k, 0)
		b.set(metaSheet, fmt.Sprintf("B%d", i+1), values[k], 0)
	}
	names := []struct{ name, cell string }{
		{"ncskit_format", "$B$1"}, {"ncskit_model_id", "$B$2"}, {"ncskit_model_version", "$B$3"},
	}
	for _, n := range names {
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: n.name, RefersTo: metaSheet + "!" + n.cell}); err != nil {
			return err
		}
	}
	lv, tg, pm, cf, yn := lists(b.m, b.lang)
	return b.writeLists([]list{lv, tg, pm, cf, yn})
}

// writeLists writes drop-down lists on the hidden sheet, each in its
// column under its defined name.
func (b *builder) writeLists(ls []list) error {
	for _, l := range ls {
		for i, item := range l.items {
			b.set(metaSheet, fmt.Sprintf("%s%d", l.column, i+1), item, 0)
		}
		ref := fmt.Sprintf("%s!$%s$1:$%s$%d", metaSheet, l.column, l.column, len(l.items))
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: l.name, RefersTo: ref}); err != nil {
			return err
		}
	}
	return b.err
}

// validID reports whether id is a valid respondent or stakeholder ID.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i, r := range id {
		ok := r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		if !ok && (i == 0 || (r != '_' && r != '.' && r != '-')) {
			return false
		}
	}
	return true
}

// major returns the major version of a semantic version string.
func major(v string) string {
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexByte(v, '.'); i >= 0 {
		return v[:i]
	}
	return v
}
