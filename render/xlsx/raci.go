package xlsx

import (
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// raciLetters are the letters of the RACI matrix, strongest first.
var raciLetters = []string{"A", "R", "C", "I"}

// raci writes the actions × stakeholders matrix. Cells are coloured by
// letter with conditional formatting, so a letter a planner changes is
// recoloured; a legend sits to the right of the matrix.
func (e *encoder) raci() {
	sh := e.name["raci"]
	s := e.st
	m := e.d.Roles.RACI
	cols := []column{
		{"id", "xlsx.col.actionID", 9, s.text},
		{"action", "col.action", 40, s.text},
	}
	e.header(sh, cols, 1, 1)
	longest := 0
	for j, name := range m.Columns {
		c := j + 3
		e.colWidth(sh, c, c, 7)
		e.check(e.f.SetColStyle(sh, colName(c), s.general))
		e.plain(sh, c, 1, name)
		longest = max(longest, utf8.RuneCountInString(name))
	}
	last := len(m.Columns) + 2
	if len(m.Columns) > 0 {
		e.style(sh, 3, 1, last, 1, s.headerRot)
	}
	// Rotated heads wrap on about three lines in a column 7 wide.
	e.check(e.f.SetRowHeight(sh, 1, min(max(float64((longest+2)/3)*6+12, 60), 240)))
	title := map[string]string{}
	for _, a := range e.d.Actions {
		title[a.ID] = a.Title
	}
	r := 2
	for i, id := range m.Actions {
		e.str(sh, 1, r, id)
		e.str(sh, 2, r, title[id])
		if i < len(m.Cells) {
			for j, v := range m.Cells[i] {
				e.str(sh, j+3, r, v)
			}
		}
		r = e.next(sh, r, 1, id)
	}
	rows := r - 1
	if len(m.Columns) > 0 && rows > 1 {
		matrix := cell(3, 2) + ":" + cell(last, rows)
		e.raciColours(sh, matrix)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(matrix)
		dv.SetSqrefDropList(e.list.raci)
		dv.SetError(excelize.DataValidationErrorStyleStop, "RACI", e.l("xlsx.error.list"))
		e.check(e.f.AddDataValidation(sh, dv))
	}
	// Legend.
	lc := last + 2
	e.colWidth(sh, lc, lc, 5)
	e.colWidth(sh, lc+1, lc+1, 44)
	for i, k := range raciLetters {
		e.fixed(sh, lc, i+2, k)
		e.fixed(sh, lc+1, i+2, e.l("xlsx.raci."+k))
	}
	e.style(sh, lc, 2, lc, 5, s.general)
	e.style(sh, lc+1, 2, lc+1, 5, s.text)
	e.raciColours(sh, cell(lc, 2)+":"+cell(lc, 5))
	e.frame(sh, layout{freeze: "C2", filter: "A1:" + cell(last, rows), titles: "$1:$1"})
}

// raciColours colours the cells of rng by their RACI letter.
func (e *encoder) raciColours(sh, rng string) {
	var rules []excelize.ConditionalFormatOptions
	for _, k := range raciLetters {
		id := e.st.raci[k]
		rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + k + `"`, Format: &id})
	}
	e.check(e.f.SetConditionalFormat(sh, rng, rules))
}

// contacts writes the designated points of contact and their deputies; a
// missing deputy is written out in bold, since it is a role gap.
func (e *encoder) contacts() {
	sh := e.name["contacts"]
	s := e.st
	cols := []column{
		{"function", "col.function", 40, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"person", "col.person", 28, s.text},
		{"organisation", "col.organisation", 40, s.text},
		{"deputy", "col.deputy", 44, s.text},
		{"unit", "xlsx.col.unit", 24, s.inputText},
		{"email", "xlsx.col.email", 28, s.inputText},
		{"phone", "xlsx.col.phone", 16, s.inputText},
	}
	e.header(sh, cols, 1, 1)
	r := 2
	for _, c := range e.d.Roles.Contacts {
		e.str(sh, 1, r, c.Label)
		e.str(sh, 2, r, c.Pillar)
		e.str(sh, 3, r, c.Person)
		e.str(sh, 4, r, c.Stakeholder)
		if c.Deputy == "" {
			e.str(sh, 5, r, e.l("xlsx.roleGap.no-deputy"))
			e.style(sh, 5, r, 5, r, s.textBold)
		} else {
			e.str(sh, 5, r, c.Deputy)
		}
		r = e.next(sh, r, 1, c.Label)
	}
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}

// roleGaps writes the roles nobody fills and the contacts without a deputy.
func (e *encoder) roleGaps() {
	sh := e.name["roleGaps"]
	s := e.st
	cols := []column{
		{"kind", "xlsx.col.kind", 20, s.text},
		{"role", "col.role", 40, s.text},
		{"finding", "xlsx.col.finding", 100, s.text},
	}
	e.header(sh, cols, 1, 1)
	r := 2
	for _, g := range e.d.Roles.Gaps {
		kind := e.l("xlsx.roleGap." + g.Kind)
		e.str(sh, 1, r, kind)
		e.str(sh, 2, r, g.Role)
		e.str(sh, 3, r, g.Finding)
		r = e.next(sh, r, 1, kind)
	}
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}
