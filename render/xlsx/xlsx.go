package xlsx

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/strategy"
)

// Options adjust the workbook. A nil *Options means the defaults.
type Options struct {
	// Top is the number of ranked priorities on the Summary sheet; 0 means 10.
	Top int
	// Protect protects every sheet without a password, so that only the
	// tracking columns of the action plan (status, last update, progress
	// note) can be edited until someone lifts the protection (Review,
	// Unprotect sheet: no password is asked). Filtering stays allowed.
	Protect bool
}

// Encode writes d as an XLSX workbook to w.
func Encode(w io.Writer, d *strategy.Draft, o *Options) error {
	if d == nil {
		return errors.New("xlsx: no draft")
	}
	opts := Options{Top: 10}
	if o != nil {
		opts = *o
		if opts.Top <= 0 {
			opts.Top = 10
		}
	}
	e := newEncoder(d, opts, vocabulary(d))
	defer e.f.Close()
	for _, s := range sheets {
		s.write(e)
		if e.err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", e.name[s.key], e.err)
		}
	}
	if err := e.finish(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return e.f.Write(w)
}

// sheets lists the sheets in workbook order, each with the function that
// fills it.
var sheets = []struct {
	key   string // the label is "xlsx.sheet." + key
	write func(e *encoder)
}{
	{"summary", (*encoder).summary},
	{"assessment", (*encoder).assessment},
	{"gaps", (*encoder).gaps},
	{"priorities", (*encoder).priorities},
	{"actionPlan", (*encoder).actionPlan},
	{"reporting", (*encoder).reporting},
	{"objectives", (*encoder).objectives},
	{"kpis", (*encoder).kpis},
	{"costs", (*encoder).costs},
	{"printView", (*encoder).printView},
	{"raci", (*encoder).raci},
	{"raciList", (*encoder).raciList},
	{"contacts", (*encoder).contacts},
	{"roleGaps", (*encoder).roleGaps},
	{"risks", (*encoder).risks},
	{"budget", (*encoder).budget},
	{"timeline", (*encoder).timeline},
	{"changeLog", (*encoder).changeLog},
	{"lists", (*encoder).lists},
}

// encoder holds the workbook being written. The first error of an
// excelize call is kept in err and stops the sheet.
type encoder struct {
	f     *excelize.File
	d     *strategy.Draft
	o     Options
	voc   *vocab
	st    styles
	name  map[string]string // sheet key → sheet name
	plan  []column          // the action plan's columns, for formulas
	list  listRefs
	kpiOf map[string]*strategy.KPI
	h     heights
	ext   map[string][2]int // sheet → the last column and row written
	// Text longer than a cell holds (see text): per sheet, the rows a
	// record's text continued on, the cells below that hold it, and the
	// text waiting to continue to the right.
	more   map[string]map[int]int
	filled map[string]map[[2]int]bool
	spills map[string][]spill
	// The follow-up sheets: the last row of the action plan and of the
	// objectives, the Indicators row of each action's KPI, the sheets
	// with 9-point notes.
	planLast, objLast int
	kpiRow, planRow   map[string]int
	smallText         map[string]bool
	err               error
}

func newEncoder(d *strategy.Draft, o Options, voc *vocab) *encoder {
	e := &encoder{f: excelize.NewFile(), d: d, o: o, voc: voc, name: map[string]string{}, ext: map[string][2]int{}}
	e.h = heights{width: map[string]map[int]float64{}, need: map[string]map[int]float64{}}
	e.more, e.filled, e.spills = map[string]map[int]int{}, map[string]map[[2]int]bool{}, map[string][]spill{}
	e.st = e.newStyles()
	used := map[string]bool{}
	for i, s := range sheets {
		n := sheetName(e.l("xlsx.sheet."+s.key), used)
		e.name[s.key] = n
		e.more[n], e.filled[n] = map[int]int{}, map[[2]int]bool{}
		if i == 0 {
			e.check(e.f.SetSheetName("Sheet1", n))
		} else {
			_, err := e.f.NewSheet(n)
			e.check(err)
		}
	}
	e.plan = e.planColumns()
	e.list = e.listLayout()
	e.kpiOf = map[string]*strategy.KPI{}
	for i := range d.KPIs {
		e.kpiOf[d.KPIs[i].Action] = &d.KPIs[i]
	}
	return e
}

// l returns the label for key in the draft's language.
func (e *encoder) l(key string) string { return e.d.Labels.Get(key) }

func (e *encoder) check(err error) {
	if err != nil && e.err == nil {
		e.err = err
	}
}

// finish sets what makes the file the same on every run: the document
// properties from the draft and the order of the content types.
func (e *encoder) finish() error {
	if e.err != nil {
		return e.err
	}
	m := e.d.Meta
	date := m.Date
	if len(date) != len("2006-01-02") {
		date = "2000-01-01"
	}
	stamp := date + "T00:00:00Z"
	err := e.f.SetDocProps(&excelize.DocProperties{
		Title:          m.Title,
		Subject:        m.Subtitle,
		Creator:        "ncskit",
		LastModifiedBy: "ncskit",
		Created:        stamp,
		Modified:       stamp,
		Language:       m.Language,
		Version:        m.Version,
		Category:       m.Classification,
		ContentStatus:  m.Status,
		Description:    m.Generator,
	})
	if err != nil {
		return err
	}
	full := true
	if err := e.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	e.f.SetActiveSheet(0)
	ct := e.f.ContentTypes
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	sort.Slice(ct.Overrides, func(i, j int) bool { return ct.Overrides[i].PartName < ct.Overrides[j].PartName })
	return nil
}

// sheetName makes a label a valid, unique sheet name: at most 31
// characters, none of : \ / ? * [ ], not starting or ending with an
// apostrophe.
func sheetName(label string, used map[string]bool) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, label)
	s = strings.Trim(s, "' ")
	if s == "" {
		s = "Sheet"
	}
	r := []rune(s)
	if len(r) > 31 {
		s = string(r[:31])
	}
	base := s
	for n := 2; used[strings.ToLower(s)]; n++ {
		suffix := fmt.Sprintf(" %d", n)
		r := []rune(base)
		if len(r)+len(suffix) > 31 {
			r = r[:31-len(suffix)]
		}
		s = string(r) + suffix
	}
	used[strings.ToLower(s)] = true
	return s
}

// ref returns an absolute reference to rng on a sheet, quoted for use in
// formulas, validations and defined names.
func ref(sheet, rng string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + rng
}

// vocab holds the vocabularies that a draft's actions name by ID: the
// cost bands with their mid-points, the horizons and the funding sources.
type vocab struct {
	bands    []band
	horizons []term
	funding  []string
}

type band struct {
	id, name string
	midpoint float64
}

type term struct{ id, name string }

// vocabulary is the draft's cost bands, horizons and funding sources.
func vocabulary(d *strategy.Draft) *vocab {
	v := &vocab{}
	for _, b := range d.Vocabulary.CostBands {
		v.bands = append(v.bands, band{b.ID, b.Name, b.Midpoint})
	}
	for _, h := range d.Vocabulary.Horizons {
		v.horizons = append(v.horizons, term{h.ID, h.Name})
	}
	for _, f := range d.Vocabulary.Funding {
		v.funding = append(v.funding, f.Name)
	}
	return v
}

// horizon returns the name of a horizon ID.
func (v *vocab) horizon(id string) string {
	for _, h := range v.horizons {
		if h.id == id {
			return h.name
		}
	}
	return id
}
