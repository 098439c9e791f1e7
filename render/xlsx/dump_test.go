package xlsx

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dump reopens a workbook with excelize and describes what a reader of
// the golden files needs to check: the sheets, their frame (panes,
// autofilter, print setup, header and footer, widths), validations,
// conditional formats, and the key cells with their type, formula and the
// parts of their style that matter. Tables show their header rows, their
// first two and their last rows; the Summary and the Budget show every
// cell, since all of them are key.
func dump(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "props: creator=%q lastModifiedBy=%q created=%s modified=%s\n", p.Creator, p.LastModifiedBy, p.Created, p.Modified)
	fmt.Fprintf(&b, "props: title=%q language=%q version=%q category=%q status=%q\n", p.Title, p.Language, p.Version, p.Category, p.ContentStatus)
	cp, _ := f.GetCalcProps()
	fmt.Fprintf(&b, "calc: fullCalcOnLoad=%v\n", cp.FullCalcOnLoad != nil && *cp.FullCalcOnLoad)
	sheets := f.GetSheetList()
	fmt.Fprintf(&b, "sheets: %s\n", strings.Join(sheets, " | "))
	fmt.Fprintf(&b, "active: %s\n", sheets[f.GetActiveSheetIndex()])
	names := f.GetDefinedName()
	sort.Slice(names, func(i, j int) bool {
		if names[i].Scope != names[j].Scope {
			return names[i].Scope < names[j].Scope
		}
		return names[i].Name < names[j].Name
	})
	for _, n := range names {
		fmt.Fprintf(&b, "name: %s [%s] = %s\n", n.Name, n.Scope, n.RefersTo)
	}
	for _, sh := range sheets {
		dumpSheet(t, &b, f, sh)
	}
	return b.String()
}

func dumpSheet(t testing.TB, b *strings.Builder, f *excelize.File, sh string) {
	fmt.Fprintf(b, "\n== %s\n", sh)
	dim, _ := f.GetSheetDimension(sh)
	fmt.Fprintf(b, "dimension: %s\n", dim)
	if p, _ := f.GetPanes(sh); p.Freeze {
		fmt.Fprintf(b, "freeze: %s (columns %d, rows %d)\n", p.TopLeftCell, p.XSplit, p.YSplit)
	}
	lay, _ := f.GetPageLayout(sh)
	props, _ := f.GetSheetProps(sh)
	fmt.Fprintf(b, "print: %s fitToPage=%v wide=%d tall=%d\n", deref(lay.Orientation), props.FitToPage != nil && *props.FitToPage,
		derefInt(lay.FitToWidth), derefInt(lay.FitToHeight))
	if hf, _ := f.GetHeaderFooter(sh); hf != nil {
		fmt.Fprintf(b, "header: %s\nfooter: %s\n", hf.OddHeader, hf.OddFooter)
	}
	if prot, err := f.GetSheetProtection(sh); err == nil && (prot.AutoFilter || prot.SelectLockedCells) {
		fmt.Fprintf(b, "protected: autofilter=%v sort=%v password=%v\n", prot.AutoFilter, prot.Sort, prot.Password != "")
	}
	rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	maxCol := 0
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	var widths []string
	for c := 1; c <= maxCol; c++ {
		w, _ := f.GetColWidth(sh, colName(c))
		widths = append(widths, fmt.Sprintf("%s=%g", colName(c), w))
	}
	fmt.Fprintf(b, "widths: %s\n", strings.Join(widths, " "))
	merged, _ := f.GetMergeCells(sh, true)
	var ms []string
	covered := map[string]bool{} // merged cells other than the top-left one
	for _, m := range merged {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if c != c1 || r != r1 {
					covered[cell(c, r)] = true
				}
			}
		}
	}
	sort.Strings(ms)
	if len(ms) > 0 {
		fmt.Fprintf(b, "merged: %s\n", strings.Join(ms, " "))
	}
	dvs, _ := f.GetDataValidations(sh)
	for _, dv := range dvs {
		fmt.Fprintf(b, "validation: %s %s %s %s %s blank=%v", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2, dv.AllowBlank)
		if dv.Prompt != nil {
			fmt.Fprintf(b, " prompt=%q", *dv.Prompt)
		}
		if dv.Error != nil {
			fmt.Fprintf(b, " error=%q", *dv.Error)
		}
		b.WriteString("\n")
	}
	cfs, _ := f.GetConditionalFormats(sh)
	var ranges []string
	for r := range cfs {
		ranges = append(ranges, r)
	}
	sort.Strings(ranges)
	for _, r := range ranges {
		for _, c := range cfs[r] {
			fmt.Fprintf(b, "conditional: %s %s %s %s -> %s stop=%v\n", r, c.Type, c.Criteria, c.Value, dxf(f, c.Format), c.StopIfTrue)
		}
	}
	head := 1
	if p, _ := f.GetPanes(sh); p.YSplit > 0 {
		head = p.YSplit
	}
	all := sh == "Summary" || sh == "Budget" || sh == "Lists"
	for r := 1; r <= len(rows); r++ {
		if !all && r > head+2 && r < len(rows) {
			if r == head+3 {
				fmt.Fprintf(b, "… rows %d-%d\n", r, len(rows)-1)
			}
			continue
		}
		if h, _ := f.GetRowHeight(sh, r); h != 15 {
			fmt.Fprintf(b, "row %d: height %g\n", r, h)
		}
		for c := 1; c <= maxCol; c++ {
			if !covered[cell(c, r)] {
				dumpCell(b, f, sh, cell(c, r))
			}
		}
	}
}

func dumpCell(b *strings.Builder, f *excelize.File, sh, ref string) {
	formula, _ := f.GetCellFormula(sh, ref)
	v, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
	if formula == "" && v == "" {
		return
	}
	typ, _ := f.GetCellType(sh, ref)
	kind := map[excelize.CellType]string{excelize.CellTypeSharedString: "s", excelize.CellTypeInlineString: "is",
		excelize.CellTypeNumber: "n", excelize.CellTypeUnset: "n", excelize.CellTypeFormula: "str",
		excelize.CellTypeBool: "b", excelize.CellTypeDate: "d", excelize.CellTypeError: "e"}[typ]
	id, _ := f.GetCellStyle(sh, ref)
	if formula != "" {
		fmt.Fprintf(b, "  %s f =%s %s\n", ref, formula, style(f, id))
		return
	}
	fmt.Fprintf(b, "  %s %s %s %s\n", ref, kind, clip(v), style(f, id))
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 70 {
		return fmt.Sprintf("%q…(%d)", string(r[:60]), len(r))
	}
	return fmt.Sprintf("%q", s)
}

// style describes the parts of a cell style that matter to a reader.
func style(f *excelize.File, id int) string {
	s, err := f.GetStyle(id)
	if err != nil || s == nil {
		return "{}"
	}
	var parts []string
	switch {
	case s.CustomNumFmt != nil:
		parts = append(parts, "fmt="+*s.CustomNumFmt)
	case s.NumFmt == 49:
		parts = append(parts, "text")
	case s.NumFmt != 0:
		parts = append(parts, fmt.Sprintf("fmt=%d", s.NumFmt))
	}
	if ft := s.Font; ft != nil {
		if ft.Bold {
			parts = append(parts, "bold")
		}
		if ft.Italic {
			parts = append(parts, "italic")
		}
		if ft.Size != 0 && ft.Size != 11 {
			parts = append(parts, fmt.Sprintf("size=%g", ft.Size))
		}
		if ft.Color != "" {
			parts = append(parts, "colour="+ft.Color)
		}
	}
	if len(s.Fill.Color) > 0 {
		parts = append(parts, "fill="+s.Fill.Color[0])
	}
	if a := s.Alignment; a != nil {
		if a.WrapText {
			parts = append(parts, "wrap")
		}
		if a.TextRotation != 0 {
			parts = append(parts, fmt.Sprintf("rotate=%d", a.TextRotation))
		}
	}
	if s.Protection != nil && !s.Protection.Locked {
		parts = append(parts, "unlocked")
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func dxf(f *excelize.File, id *int) string {
	if id == nil {
		return "-"
	}
	s, err := f.GetConditionalStyle(*id)
	if err != nil || s == nil {
		return "?"
	}
	var parts []string
	if len(s.Fill.Color) > 0 {
		parts = append(parts, "fill="+s.Fill.Color[0])
	}
	if s.Font != nil && s.Font.Color != "" {
		parts = append(parts, "colour="+s.Font.Color)
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func derefInt(n *int) int {
	if n == nil {
		return -1
	}
	return *n
}
