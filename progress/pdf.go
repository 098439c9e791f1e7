package progress

import (
	"io"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/ncskit/ncskit/internal/typeset"
)

// EncodePDF writes the report as an A4 landscape PDF with the sections of
// the HTML page, in the embedded DejaVu Sans at 9 points or more. The same
// report gives the same bytes.
func EncodePDF(w io.Writer, rep *Report) error {
	if _, err := texts(); err != nil {
		return err
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	if err := typeset.AddFonts(f); err != nil {
		return err
	}
	f.SetCatalogSort(true)
	f.SetCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	f.SetModificationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	t := func(key string, args ...string) string { return text(rep.Language, key, args...) }
	n := numbersIn(rep.Language)
	pct, money, val := n.pct, n.money, n.val
	f.SetTitle(typeset.Clean(t("title")+": "+rep.Title), true)
	f.SetCreator("ncskit", true)
	f.SetMargins(12, 12, 12)
	f.SetAutoPageBreak(true, 14)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-10)
		f.SetFont(typeset.Family, "", 8)
		f.SetTextColor(64, 64, 64)
		f.CellFormat(0, 4, typeset.Clean(rep.Country+" · "+rep.Title)+" · "+t("page")+" "+strconv.Itoa(f.PageNo())+" "+t("of")+" {nb}", "", 0, "C", false, 0, "")
	})
	f.AddPage()
	p := &pdf{f: f}
	f.SetFont(typeset.Family, "B", 16)
	f.SetTextColor(0x1f, 0x38, 0x64)
	f.CellFormat(0, 9, t("title"), "", 1, "L", false, 0, "")
	asOf := t("none")
	if rep.AsOf != "" {
		asOf = t("asOf", "period", rep.AsOf, "n", strconv.Itoa(rep.Reports))
	}
	p.para(rep.Country + " · " + rep.Title + " · " + t("version") + " " + rep.Version)
	p.para(asOf + " " + t("overall") + " " + pct(rep.Overall) + ".")

	p.section(t("s.pillars"))
	rows := [][]string{}
	for _, x := range rep.Pillars {
		rows = append(rows, []string{x.Pillar, strconv.Itoa(x.Objectives), strconv.Itoa(x.Actions), n.num(x.Weight), pct(x.Progress)})
	}
	p.table(heads(t, "pillar", "objectives", "actions", "objectiveWeights", "weightedProgress"), []float64{40, 40, 40, 50, 50}, rows)

	p.section(t("s.late"))
	rows = nil
	for _, a := range rep.Actions {
		if a.Late {
			rows = append(rows, []string{a.ID, a.Title, a.End, a.Status, pct(a.Progress), a.Comment})
		}
	}
	if len(rows) == 0 {
		p.para(t("noLate"))
	} else {
		p.table(heads(t, "action", "title", "end", "status", "progress", "comment"), []float64{20, 90, 20, 28, 20, 95}, rows)
	}

	p.section(t("s.off"))
	rows = nil
	for _, k := range rep.Indicators {
		if k.Light == "atRisk" || k.Light == "offTrack" {
			var t *float64
			for i := len(k.Actuals) - 1; i >= 0; i-- {
				if k.Actuals[i] != nil {
					t = k.Targets[i]
					break
				}
			}
			rows = append(rows, []string{k.ID, k.Name, k.Unit, val(k.Baseline), val(k.Latest), val(t), rep.Labels[k.Light]})
		}
	}
	if len(rows) == 0 {
		p.para(t("noOff"))
	} else {
		p.table(heads(t, "kpi", "indicator", "unit", "baseline", "latest", "target", "light"), []float64{26, 105, 25, 22, 22, 22, 51}, rows)
	}

	p.section(t("s.spending") + " (" + rep.Currency + "; " + n.num(rep.Rate) + " " + t("perUSD") + ")")
	rows = nil
	for _, s := range rep.Spending {
		rows = append(rows, []string{strconv.Itoa(s.Year), money(s.Planned), money(s.Secured), money(s.Pledged), money(s.Gap), money(s.Spent), money(s.PlannedUSD), money(s.SpentUSD)})
	}
	p.table(heads(t, "year", "planned", "secured", "pledged", "gap", "spent", "plannedUSD", "spentUSD"), []float64{19, 34, 34, 34, 34, 34, 42, 42}, rows)
	rows = nil
	for _, s := range rep.ByFunding {
		rows = append(rows, []string{s.Funding, money(s.Planned), money(s.Secured), money(s.Pledged), money(s.Gap), money(s.Spent)})
	}
	p.table(heads(t, "funding", "planned", "secured", "pledged", "gap", "spent"), []float64{103, 34, 34, 34, 34, 34}, rows)

	p.section(t("s.actions"))
	rows = nil
	for _, a := range rep.Actions {
		rows = append(rows, []string{a.ID, a.Pillar, a.Title, a.Period, a.Status, pct(a.Progress), a.Comment})
	}
	p.table(heads(t, "action", "pillar", "title", "period", "status", "progress", "comment"), []float64{20, 14, 95, 20, 28, 20, 76}, rows)
	if err := f.Error(); err != nil {
		return err
	}
	return typeset.Output(f, w)
}

type pdf struct{ f *fpdf.Fpdf }

var (
	body = typeset.Font{Size: 9}
	bold = typeset.Font{Bold: true, Size: 9}
)

const lh = 4.2 // mm per line at 9 points

func (p *pdf) para(s string) {
	p.f.SetFont(typeset.Family, "", 10)
	p.f.SetTextColor(26, 26, 26)
	p.f.MultiCell(0, 5, typeset.Clean(s), "", "L", false)
}

func (p *pdf) section(s string) {
	p.f.Ln(3)
	if p.f.GetY() > 170 {
		p.f.AddPage()
	}
	p.f.SetFont(typeset.Family, "B", 12)
	p.f.SetTextColor(0x1f, 0x38, 0x64)
	p.f.CellFormat(0, 7, typeset.Clean(s), "B", 1, "L", false, 0, "")
	p.f.Ln(1)
}

// table writes a table with a head row repeated on every page; cells wrap
// within their column.
func (p *pdf) table(head []string, widths []float64, rows [][]string) {
	_, pageH := p.f.GetPageSize()
	_, _, _, bottom := p.f.GetMargins()
	wrap := func(cells []string, st typeset.Font) ([][]string, int) {
		out := make([][]string, len(cells))
		n := 1
		for i, c := range cells {
			out[i] = typeset.Wrap(typeset.Clean(c), widths[i]-2, st)
			n = max(n, len(out[i]))
		}
		return out, n
	}
	draw := func(lines [][]string, n int, st typeset.Font, header bool) {
		x, y := p.f.GetXY()
		h := float64(n)*lh + 1.6
		style := ""
		if st.Bold {
			style = "B"
		}
		p.f.SetFont(typeset.Family, style, st.Size)
		for i, ls := range lines {
			if header {
				p.f.SetFillColor(0x1f, 0x38, 0x64)
				p.f.SetTextColor(255, 255, 255)
			} else {
				p.f.SetTextColor(26, 26, 26)
			}
			p.f.SetDrawColor(0xbf, 0xbf, 0xbf)
			p.f.Rect(x, y, widths[i], h, map[bool]string{true: "FD", false: "D"}[header])
			for j, l := range ls {
				p.f.Text(x+1, y+0.8+float64(j+1)*lh-1, l)
			}
			x += widths[i]
		}
		left, _, _, _ := p.f.GetMargins()
		p.f.SetXY(left, y+h)
	}
	hl, hn := wrap(head, bold)
	draw(hl, hn, bold, true)
	for _, r := range rows {
		ls, n := wrap(r, body)
		if p.f.GetY()+float64(n)*lh+1.6 > pageH-bottom {
			p.f.AddPage()
			draw(hl, hn, bold, true)
		}
		draw(ls, n, body, false)
	}
	p.f.Ln(2)
}

// heads returns the column heads of keys ("col." + key).
func heads(t func(string, ...string) string, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = t("col." + k)
	}
	return out
}
