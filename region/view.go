package region

// ViewTable is one table of the report as data, for a page that lays it
// out itself (the workbook's Region screen): the same tables, in the same
// order and words, as the HTML page, the PDF and the workbook show.
type ViewTable struct {
	// Key names the part: "s.summary", "s.heat", "s.distribution",
	// "s.gaps", "s.programmes", "s.existing", "s.evidence", "s.progress",
	// "s.directory" or "s.notes"; several tables may share one.
	Key   string `json:"key"`
	Title string `json:"title"`
	Note  string `json:"note,omitempty"`
	// Head is empty for the first table, whose rows are keys and values.
	Head []string     `json:"head"`
	Rows [][]ViewCell `json:"rows"`
}

// ViewCell is one cell: its text, whether it is a number, and for a cell
// of the heat map its shade (0 meets the target, 1-4 a growing
// shortfall) or NoLevel.
type ViewCell struct {
	Text    string `json:"text"`
	Num     bool   `json:"num,omitempty"`
	Shade   *int   `json:"shade,omitempty"`
	NoLevel bool   `json:"noLevel,omitempty"`
}

// View returns the tables of the report in reading order.
func (r *Report) View() []ViewTable {
	var out []ViewTable
	for i, t := range r.tables() {
		v := ViewTable{Key: t.key, Title: t.title, Note: t.note, Head: t.head, Rows: make([][]ViewCell, len(t.rows))}
		if i == 0 {
			v.Head = []string{}
		}
		for j, row := range t.rows {
			v.Rows[j] = make([]ViewCell, len(row))
			for k, c := range row {
				vc := ViewCell{Text: c.text, Num: c.num != nil, NoLevel: c.shade == -2}
				if c.shade >= 0 {
					shade := c.shade
					vc.Shade = &shade
				}
				v.Rows[j][k] = vc
			}
		}
		out = append(out, v)
	}
	return out
}

// Marking is what heads every page of the report: the classification of
// the inputs and that the report is restricted, or that it is anonymised
// for publication.
func (r *Report) Marking() string {
	if r.Anonymised {
		return r.l("h.anonymised")
	}
	m := r.l("h.restricted")
	if r.Classification != "" {
		m = r.Classification + " · " + m
	}
	return m
}
