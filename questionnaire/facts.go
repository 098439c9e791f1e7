package questionnaire

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/xuri/excelize/v2"
)

// The facts sheet asks the lead agency to confirm or complete what is
// known of the country's facts (assess.Facts): its instruments, posts,
// Budapest Convention status and standing in networks. It holds one table
// per kind of fact, each under a band row that names it: the band row,
// the header row, then one row per record and empty rows to add more.
// Kinds, statuses and networks are written as the assessment format's
// values ("in-force"), picked from drop-down lists; stakeholders by name.

// LeadRole is the role archetype whose holder answers the facts sheet: a
// questionnaire pre-filled for a respondent of the stakeholder with this
// role has the facts sheet without asking (see Options.Facts).
const LeadRole = "lead-cyber-agency"

// factBlock is one table of the facts sheet.
type factBlock int

const (
	blockInstruments factBlock = iota
	blockStaff
	blockTreaty
	blockNetworks
	numBlocks
)

// factColumn is a column of a facts table: the field of the record it
// holds (as in the JSON), the catalogue key of its header, its width, and
// how it is checked.
type factColumn struct {
	field string
	key   string
	width float64
	kind  cellKind
}

// cellKind says what a cell of the facts sheet holds.
type cellKind int

const (
	cellLine       cellKind = iota // a one-line text (assess.MaxName)
	cellText                       // a free text (assess.MaxText)
	cellID                         // an instrument ID
	cellDate                       // a date as YYYY, YYYY-MM or YYYY-MM-DD
	cellYear                       // a year
	cellCount                      // a whole number, 0 or more
	cellIndicators                 // indicator IDs separated by commas
	cellYesNo                      // yes or no
	cellHolder                     // a stakeholder, by name or ID
	cellKindList                   // assess.InstrumentKinds
	cellStatus                     // assess.InstrumentStatuses
	cellTreaty                     // assess.TreatyStatuses
	cellNetwork                    // assess.Networks
	cellNetStatus                  // assess.NetworkStatuses
	cellFixed                      // written by Write, not read
)

// factBlocks are the tables of the facts sheet, in order, with the
// catalogue key of their band row and the number of empty rows left to
// add records in.
var factBlocks = [numBlocks]struct {
	key   string
	cols  []factColumn
	empty int
}{
	blockInstruments: {"facts.instruments", []factColumn{
		{"id", "facts.col.id", 16, cellID}, {"kind", "facts.col.kind", 15, cellKindList}, {"name", "facts.col.name", 30, cellLine},
		{"reference", "facts.col.reference", 18, cellLine}, {"status", "facts.col.status", 16, cellStatus},
		{"adopted", "facts.col.adopted", 11, cellDate}, {"inForce", "facts.col.inForce", 11, cellDate},
		{"expires", "facts.col.expires", 11, cellDate}, {"review", "facts.col.review", 11, cellDate},
		{"owner", "facts.col.owner", 22, cellHolder}, {"indicators", "facts.col.indicators", 16, cellIndicators},
		{"amount", "facts.col.amount", 12, cellCount}, {"currency", "facts.col.currency", 9, cellLine},
		{"recurrent", "facts.col.recurrent", 10, cellYesNo}, {"source", "facts.col.source", 24, cellText}, {"note", "facts.col.note", 34, cellText},
	}, 15},
	blockStaff: {"facts.staff", []factColumn{
		{"stakeholder", "facts.col.institution", 0, cellHolder}, {"unit", "facts.col.unit", 0, cellLine}, {"year", "facts.col.year", 0, cellYear},
		{"established", "facts.col.established", 0, cellCount}, {"filled", "facts.col.filled", 0, cellCount},
		{"source", "facts.col.source", 0, cellText}, {"note", "facts.col.note", 0, cellText},
	}, 6},
	blockTreaty: {"facts.treaty", []factColumn{
		{"treaty", "facts.col.treaty", 0, cellFixed}, {"status", "facts.col.status", 0, cellTreaty}, {"date", "facts.col.date", 0, cellDate},
		{"source", "facts.col.source", 0, cellText}, {"note", "facts.col.note", 0, cellText},
	}, 0},
	blockNetworks: {"facts.networks", []factColumn{
		{"network", "facts.col.network", 0, cellNetwork}, {"name", "facts.col.networkName", 0, cellLine}, {"status", "facts.col.status", 0, cellNetStatus},
		{"since", "facts.col.since", 0, cellDate}, {"stakeholder", "facts.col.member", 0, cellHolder},
		{"source", "facts.col.source", 0, cellText}, {"note", "facts.col.note", 0, cellText},
	}, 2},
}

// factWidth is the number of columns of the facts sheet.
const factWidth = 16

// factColumnOf returns the index of field in block b, or -1.
func factColumnOf(b factBlock, field string) int {
	for i, c := range factBlocks[b].cols {
		if c.field == field {
			return i
		}
	}
	return -1
}

// The drop-down lists of the facts sheet, on the hidden sheet after the
// answers' lists.
func factLists(lang string, holders []string) []list {
	yes := []string{tr(lang, "choice.yes"), tr(lang, "choice.no")}
	out := []list{
		{"ncskit_kinds", "I", assess.InstrumentKinds},
		{"ncskit_statuses", "J", assess.InstrumentStatuses},
		{"ncskit_treaty", "K", assess.TreatyStatuses},
		{"ncskit_networks", "L", assess.Networks},
		{"ncskit_netstatus", "M", assess.NetworkStatuses},
		{"ncskit_factyesno", "N", yes},
	}
	if len(holders) > 0 {
		out = append(out, list{"ncskit_stakeholders", "O", holders})
	}
	return out
}

// listOf returns the drop-down list of a kind of cell, or "".
func listOf(k cellKind, haveHolders bool) string {
	switch k {
	case cellKindList:
		return "ncskit_kinds"
	case cellStatus:
		return "ncskit_statuses"
	case cellTreaty:
		return "ncskit_treaty"
	case cellNetwork:
		return "ncskit_networks"
	case cellNetStatus:
		return "ncskit_netstatus"
	case cellYesNo:
		return "ncskit_factyesno"
	case cellHolder:
		if haveHolders {
			return "ncskit_stakeholders"
		}
	}
	return ""
}

// wantsFacts reports whether the questionnaire has the facts sheet.
func (b *builder) wantsFacts() bool {
	if b.o.Facts {
		return true
	}
	if b.o.Prefill == nil || b.resp == nil {
		return false
	}
	for _, s := range b.o.Prefill.Stakeholders {
		if s.ID == b.resp.Stakeholder {
			for _, r := range s.Roles {
				if r == LeadRole {
					return true
				}
			}
		}
	}
	return false
}

// holderNames are the names of the stakeholders of the assessment to
// pre-fill from, for the drop-down list of institutions.
func (b *builder) holderNames() []string {
	if b.o.Prefill == nil {
		return nil
	}
	var names []string
	for _, s := range b.o.Prefill.Stakeholders {
		names = append(names, s.Name)
	}
	return names
}

// holderName returns the name of stakeholder id, as the facts sheet
// shows it.
func (b *builder) holderName(id string) string {
	if b.o.Prefill != nil {
		for _, s := range b.o.Prefill.Stakeholders {
			if s.ID == id {
				return s.Name
			}
		}
	}
	return id
}

// writeFactLists writes the facts sheet's drop-down lists on the hidden
// sheet.
func (b *builder) writeFactLists() error {
	return b.writeLists(factLists(b.lang, b.holderNames()))
}

// writeFacts fills the facts sheet: a title, how to fill it in, and one
// table per kind of fact, pre-filled with the facts of Prefill.
func (b *builder) writeFacts() error {
	s, l := b.factsName, b.lang
	widths := make([]float64, factWidth)
	for i, c := range factBlocks[blockInstruments].cols {
		widths[i] = c.width
	}
	widths[0] = 26 // institutions, treaties and networks are named in column A
	var total float64
	for _, w := range widths {
		total += w
	}
	b.layout(s, widths, true)
	b.set(s, "A1", tr(l, "facts.title"), b.st.title)
	b.rowHeight(s, 1, 22)
	b.wide(s, 2, column(factWidth-1).letter(), tr(l, "facts.intro"), b.st.intro, total)
	var known assess.Facts
	if b.o.Prefill != nil && b.o.Prefill.Facts != nil {
		known = *b.o.Prefill.Facts
	}
	row := 4
	for blk := range numBlocks {
		rows := b.factRows(blk, &known)
		var err error
		if row, err = b.writeBlock(s, blk, row, rows, widths); err != nil {
			return err
		}
		row++
	}
	if err := b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	b.printSetup(s, "landscape", "")
	return b.err
}

// factRows returns the cells of the records of block blk, one slice of
// cell texts per row, followed by the rows left empty for new records.
func (b *builder) factRows(blk factBlock, f *assess.Facts) [][]string {
	var rows [][]string
	switch blk {
	case blockInstruments:
		for _, in := range f.Instruments {
			rows = append(rows, []string{in.ID, in.Kind, in.Name, in.Reference, in.Status, in.Adopted, in.InForce, in.Expires, in.Review,
				b.holderName(in.Owner), strings.Join(in.Indicators, ", "), count64(in.Amount), in.Currency, b.yes(in.Recurrent), in.Source, in.Note})
		}
	case blockStaff:
		for _, st := range f.Staff {
			rows = append(rows, []string{b.holderName(st.Stakeholder), st.Unit, strconv.Itoa(st.Year), countPtr(st.Established), countPtr(st.Filled), st.Source, st.Note})
		}
	case blockTreaty:
		row := []string{tr(b.lang, "facts.budapest"), "", "", "", ""}
		if t := f.Treaties; t != nil && t.Budapest != nil {
			row = []string{row[0], t.Budapest.Status, t.Budapest.Date, t.Budapest.Source, t.Budapest.Note}
		}
		rows = append(rows, row)
	case blockNetworks:
		seen := map[string]bool{}
		for _, n := range f.Networks {
			seen[n.Network] = true
			rows = append(rows, []string{n.Network, n.Name, n.Status, n.Since, b.holderName(n.Stakeholder), n.Source, n.Note})
		}
		// A row for each named network not yet recorded: its standing
		// is the question.
		for _, n := range assess.Networks {
			if !seen[n] && n != "other" {
				rows = append(rows, []string{n, "", "", "", "", "", ""})
			}
		}
	}
	for range factBlocks[blk].empty {
		rows = append(rows, make([]string, len(factBlocks[blk].cols)))
	}
	return rows
}

func (b *builder) yes(v bool) string {
	if v {
		return tr(b.lang, "choice.yes")
	}
	return ""
}

func count64(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func countPtr(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// writeBlock writes one table from row: the band row, the header row and
// the rows, with their drop-down lists and prompts. It returns the row
// after the table.
func (b *builder) writeBlock(s string, blk factBlock, row int, rows [][]string, widths []float64) (int, error) {
	l, cols := b.lang, factBlocks[blk].cols
	// A table narrower than the sheet gives its last column, the note,
	// the rest of the width.
	lastCol := column(len(cols) - 1)
	width := slices.Clone(widths[:len(cols)])
	for i := len(cols); i < factWidth; i++ {
		width[lastCol] += widths[i]
	}
	spread := func(r int, style int) {
		if lastCol < factWidth-1 && b.err == nil {
			b.err = b.f.MergeCell(s, lastCol.cell(r), column(factWidth-1).cell(r))
			if b.err == nil {
				b.err = b.f.SetCellStyle(s, lastCol.cell(r), column(factWidth-1).cell(r), style)
			}
		}
	}
	band := fmt.Sprintf("A%d", row)
	b.set(s, band, tr(l, factBlocks[blk].key), b.st.area)
	if b.err == nil {
		b.err = b.f.MergeCell(s, band, column(factWidth-1).cell(row))
	}
	b.rowHeight(s, row, 20)
	head := row + 1
	n := 1
	for i, c := range cols {
		b.set(s, column(i).cell(head), tr(l, c.key), b.st.header)
		n = max(n, lines(tr(l, c.key), width[i], bodySize))
	}
	spread(head, b.st.header)
	b.rowHeight(s, head, height(n)+4)
	first := head + 1
	for j, cells := range rows {
		r := first + j
		n := 1
		for i, c := range cols {
			style := b.st.input
			if c.kind == cellFixed {
				style = b.st.fixed
			}
			b.set(s, column(i).cell(r), cells[i], style)
			n = max(n, lines(cells[i], width[i], bodySize))
		}
		spread(r, b.st.input)
		b.rowHeight(s, r, max(height(n), 18))
	}
	if b.err != nil {
		return 0, b.err
	}
	lastRow := first + len(rows) - 1
	holders := len(b.holderNames()) > 0
	for i, c := range cols {
		if err := b.factValidation(s, column(i), first, lastRow, c, holders); err != nil {
			return 0, err
		}
	}
	return lastRow + 1, nil
}

// factValidation adds the drop-down list, length limit or prompt of one
// column of a table.
func (b *builder) factValidation(s string, col column, first, last int, c factColumn, holders bool) error {
	l := b.lang
	dv := excelize.NewDataValidation(true)
	dv.Sqref = col.cell(first) + ":" + col.cell(last)
	title := truncate(tr(l, c.key), 32)
	prompt := ""
	switch c.kind {
	case cellFixed:
		return nil
	case cellLine, cellText, cellHolder:
		limit := assess.MaxName
		if c.kind == cellText {
			limit = assess.MaxText
		}
		if name := listOf(c.kind, holders); name != "" {
			// Pick an institution from the list, or type one: a name
			// typed is matched with the stakeholders on import.
			dv.SetSqrefDropList(name)
			dv.SetError(excelize.DataValidationErrorStyleInformation, tr(l, "error.title"), tr(l, "error.list"))
			break
		}
		if err := dv.SetRange(0, limit, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, title, tr(l, "error.length", "max", strconv.Itoa(limit)))
	case cellDate:
		prompt = tr(l, "facts.prompt.date")
	case cellIndicators:
		prompt = tr(l, "facts.prompt.indicators")
	case cellID:
		prompt = tr(l, "facts.prompt.id")
	default:
		if name := listOf(c.kind, holders); name != "" {
			dv.SetSqrefDropList(name)
			dv.SetError(excelize.DataValidationErrorStyleStop, tr(l, "error.title"), tr(l, "error.list"))
		}
		if c.kind == cellStatus {
			prompt = tr(l, "facts.prompt.status")
		}
	}
	if prompt != "" {
		dv.SetInput(title, truncate(prompt, 255))
	}
	return b.f.AddDataValidation(s, dv)
}
