package questionnaire

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ncskit/ncskit/assess"
)

// factCells says where each fact that Read found was written: the sheet
// and, per record, its row, so that a problem of the merged assessment
// names the cell.
type factCells struct {
	sheet                        string
	instruments, staff, networks []int
	treaty                       int
}

// readFacts reads the facts sheet, when the questionnaire has one.
// Stakeholders stay as the respondent wrote them, a name or an ID; Merge
// finds them among the assessment's stakeholders.
func (rd *reader) readFacts() {
	want := tr(rd.f.Lang, "sheet.facts")
	sheet := ""
	for _, s := range rd.x.GetSheetList() {
		if strings.EqualFold(s, want) {
			sheet = s
		}
	}
	if sheet == "" {
		return
	}
	rows, ok := rd.rows(sheet, factWidth)
	if !ok {
		return
	}
	f := &assess.Facts{}
	cells := &factCells{sheet: sheet}
	starts := rd.factBlocks(sheet, rows)
	for blk := range numBlocks {
		at := starts[blk]
		if at == 0 || !rd.factHeader(sheet, rows, blk, at+1) {
			continue
		}
		end := len(rows)
		for _, other := range starts {
			if other > at && other-1 < end {
				end = other - 1
			}
		}
		for r := at + 2; r <= end; r++ {
			rd.factRow(sheet, blk, r, rows[r-1], f, cells)
		}
	}
	rd.f.Facts, rd.f.factCells = f, cells
}

// factBlocks finds the band row of each table (1-based; 0 when missing,
// which is reported).
func (rd *reader) factBlocks(sheet string, rows [][]string) [numBlocks]int {
	var at [numBlocks]int
	for i, r := range rows {
		for blk := range numBlocks {
			if at[blk] == 0 && sameLabel(r[0], tr(rd.f.Lang, factBlocks[blk].key)) {
				at[blk] = i + 1
			}
		}
	}
	for blk := range numBlocks {
		if at[blk] == 0 {
			rd.p.add(sheet, fmt.Sprintf("the table %q is missing: the sheet's layout was changed", tr(rd.f.Lang, factBlocks[blk].key)))
		}
	}
	return at
}

// factHeader checks the header row of a table.
func (rd *reader) factHeader(sheet string, rows [][]string, blk factBlock, row int) bool {
	ok := true
	for i, c := range factBlocks[blk].cols {
		got, want := cellAt(rows, row, i), tr(rd.f.Lang, c.key)
		if !sameLabel(got, want) {
			rd.p.add(sheetRef(sheet, column(i).cell(row)), fmt.Sprintf("the header is %s, not %q: the sheet's layout was changed", quote(got), want))
			ok = false
		}
	}
	return ok
}

// factRow reads one row of a table into f.
func (rd *reader) factRow(sheet string, blk factBlock, row int, raw []string, f *assess.Facts, cells *factCells) {
	cols := factBlocks[blk].cols
	in := make([]string, len(cols))
	blank := true
	for i, c := range cols {
		in[i] = raw[i]
		if fm := rd.formula(sheet, column(i).cell(row)); fm != "" {
			in[i] = fm
		}
		in[i] = strings.TrimSpace(in[i])
		// A network named but with nothing said of it is an empty row,
		// as Write leaves it; so is the treaty's row with no status.
		if in[i] != "" && c.kind != cellFixed && !(blk == blockNetworks && c.field == "network") {
			blank = false
		}
	}
	if blank {
		return
	}
	before := len(rd.p.list)
	v := map[string]string{}
	var n map[string]int64
	n = map[string]int64{}
	for i, c := range cols {
		at := sheetRef(sheet, column(i).cell(row))
		s, num, msg := rd.factCell(c, in[i])
		if msg != "" {
			rd.p.add(at, msg)
			continue
		}
		v[c.field], n[c.field] = s, num
		switch c.kind {
		case cellLine, cellHolder:
			rd.text(at, s, assess.MaxName)
		case cellText:
			rd.text(at, s, assess.MaxText)
		}
	}
	need := func(field, what string) {
		if i := factColumnOf(blk, field); v[field] == "" && i >= 0 && in[i] == "" {
			rd.p.add(sheetRef(sheet, column(i).cell(row)), what+" is missing")
		}
	}
	switch blk {
	case blockInstruments:
		need("kind", "the kind")
		need("name", "the name")
		need("status", "the status")
	case blockStaff:
		need("stakeholder", "the institution")
		need("year", "the year")
	case blockTreaty:
		need("status", "the status")
	case blockNetworks:
		need("network", "the network")
		need("status", "the status")
	}
	if len(rd.p.list) > before {
		return
	}
	switch blk {
	case blockInstruments:
		var inds []string
		if v["indicators"] != "" {
			inds = strings.Split(v["indicators"], ",")
		}
		f.Instruments = append(f.Instruments, assess.Instrument{ID: v["id"], Kind: v["kind"], Name: v["name"], Reference: v["reference"],
			Status: v["status"], Adopted: v["adopted"], InForce: v["inForce"], Expires: v["expires"], Review: v["review"],
			Owner: v["owner"], Indicators: inds, Amount: n["amount"], Currency: strings.ToUpper(v["currency"]),
			Recurrent: v["recurrent"] == "yes", Source: v["source"], Note: v["note"]})
		cells.instruments = append(cells.instruments, row)
	case blockStaff:
		f.Staff = append(f.Staff, assess.Staffing{Stakeholder: v["stakeholder"], Unit: v["unit"], Year: int(n["year"]),
			Established: optional(v["established"], n["established"]), Filled: optional(v["filled"], n["filled"]), Source: v["source"], Note: v["note"]})
		cells.staff = append(cells.staff, row)
	case blockTreaty:
		f.Treaties = &assess.Treaties{Budapest: &assess.TreatyStatus{Status: v["status"], Date: v["date"], Source: v["source"], Note: v["note"]}}
		cells.treaty = row
	case blockNetworks:
		f.Networks = append(f.Networks, assess.Network{Network: v["network"], Name: v["name"], Status: v["status"], Since: v["since"],
			Stakeholder: v["stakeholder"], Source: v["source"], Note: v["note"]})
		cells.networks = append(cells.networks, row)
	}
}

func optional(s string, n int64) *int {
	if s == "" {
		return nil
	}
	v := int(n)
	return &v
}

// The expressions are compiled on first use, not when a program that
// links the package starts: the workbook's engine starts sooner for it.
var (
	factID     = lazyRegexp(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)
	dateShape  = lazyRegexp(`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`)
	thousands  = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "")
	indicators = lazyRegexp(`[,;\s]+`)
)

// lazyRegexp returns a function that compiles expr on its first call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// factCell reads one cell of a table: the value as the assessment holds
// it, a number for the numeric kinds, or a message.
func (rd *reader) factCell(c factColumn, s string) (string, int64, string) {
	if s == "" || c.kind == cellFixed {
		return "", 0, ""
	}
	choose := func(values []string, what string) (string, int64, string) {
		v := strings.ReplaceAll(fold(s), " ", "-")
		if slices.Contains(values, v) {
			return v, 0, ""
		}
		return "", 0, fmt.Sprintf("%s is not %s (%s)", quote(s), what, strings.Join(values, ", "))
	}
	switch c.kind {
	case cellID:
		if !factID().MatchString(s) {
			return "", 0, fmt.Sprintf("%s is not an ID: use letters, digits, '.', '_' and '-' (at most 64)", quote(s))
		}
	case cellDate:
		if dateShape().MatchString(s) {
			return s, 0, ""
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 3000 {
			// A date the spreadsheet program took as a date.
			d, msg := date(s, rd.date1904)
			if msg == "" {
				return d, 0, ""
			}
		}
		return "", 0, fmt.Sprintf("%s is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", quote(s))
	case cellYear, cellCount:
		t := thousands.Replace(s)
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil || n < 0 {
			if f, ferr := strconv.ParseFloat(t, 64); ferr == nil && f == float64(int64(f)) && f >= 0 {
				n, err = int64(f), nil
			}
		}
		switch {
		case err != nil || n < 0:
			return "", 0, fmt.Sprintf("%s is not a whole number", quote(s))
		case c.kind == cellYear && (n < 1900 || n > 2200):
			return "", 0, fmt.Sprintf("%s is not a year (1900-2200)", quote(s))
		case n > 1e15:
			return "", 0, fmt.Sprintf("%s is too large", quote(s))
		}
		return strconv.FormatInt(n, 10), n, ""
	case cellIndicators:
		var ids []string
		for _, id := range indicators().Split(strings.ToUpper(s), -1) {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		return strings.Join(ids, ","), 0, ""
	case cellYesNo:
		yes, msg := rd.a.yesNo(s)
		if msg != "" {
			return "", 0, msg
		}
		if yes {
			return "yes", 0, ""
		}
		return "", 0, ""
	case cellKindList:
		return choose(assess.InstrumentKinds, "a kind of instrument")
	case cellStatus:
		return choose(assess.InstrumentStatuses, "a status")
	case cellTreaty:
		return choose(assess.TreatyStatuses, "a treaty status")
	case cellNetwork:
		return choose(assess.Networks, "a network")
	case cellNetStatus:
		return choose(assess.NetworkStatuses, "a status in a network")
	}
	return s, 0, ""
}
