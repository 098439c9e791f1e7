package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ncskit/ncskit/assess"
)

// writeScoreText prints a result for a terminal: the coverage, a table of
// pillars and areas, the top priorities with their reasons and the warnings.
func writeScoreText(w io.Writer, m *assess.Model, a *assess.Assessment, r *assess.Result, lang string, top int) {
	fmt.Fprintf(w, "%s — assessment of %s\n", r.Country, r.Date)
	fmt.Fprintf(w, "Model %s %s", r.Model.ID, m.Version)
	if r.TargetFrom != "" {
		fmt.Fprintf(w, ", target profile %s", r.TargetFrom)
	}
	fmt.Fprintln(w)
	c := r.Coverage
	fmt.Fprintf(w, "Coverage: %d of %d applicable indicators assessed (%d%%)", c.Assessed, c.Total-c.NA, c.Percent)
	if c.Unknown > 0 {
		fmt.Fprintf(w, ", %d unknown", c.Unknown)
	}
	if c.Unassessed > 0 {
		fmt.Fprintf(w, ", %d unassessed", c.Unassessed)
	}
	if c.NA > 0 {
		fmt.Fprintf(w, ", %d not applicable", c.NA)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Achieved = weakest indicator; progress = weighted mean level; gap = target − achieved.")
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tACHIEVED\tPROGRESS\tTARGET\tGAP\tASSESSED")
	row := func(indent, id string, name assess.Text, x assess.Rollup) {
		fmt.Fprintf(tw, "%s%s %s\t%s\t%s\t%d\t%s\t%s\n", indent, id, name.In(lang),
			levelName(m, x.Achieved, lang), progress(x.Progress), x.Target, gap(x), coverage(x.Coverage))
	}
	for _, p := range r.Pillars {
		row("", p.ID, m.Pillar(p.ID).Name, p.Rollup)
		for _, ar := range p.Areas {
			row("  ", ar.ID, m.Area(ar.ID).Name, ar.Rollup)
		}
	}
	tw.Flush()

	fmt.Fprintln(w)
	n := len(r.Priorities)
	if top > 0 && top < n {
		n = top
	}
	fmt.Fprintf(w, "Priorities (%d of %d)\n", n, len(r.Priorities))
	for _, p := range r.Priorities[:n] {
		fmt.Fprintf(w, "%3d. %s %s\n", p.Rank, p.Indicator, m.Indicator(p.Indicator).Title.In(lang))
		fmt.Fprintf(w, "     %s\n", p.Reason)
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "\nWarnings (%d)\n", len(r.Warnings))
		for _, wn := range r.Warnings {
			fmt.Fprintf(w, "  %-14s %s\n", wn.Code, wn.Message)
		}
	}
}

func levelName(m *assess.Model, l int, lang string) string {
	if l == 0 {
		return "—"
	}
	return fmt.Sprintf("%d %s", l, m.Scale.Name(l, lang))
}

func progress(f float64) string {
	if f == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", f)
}

// gap prints a dash when nothing is assessed: a gap of 0 would read as
// "target met".
func gap(x assess.Rollup) string {
	if x.Achieved == 0 {
		return "—"
	}
	return fmt.Sprint(x.Gap)
}

func coverage(c assess.Coverage) string {
	return fmt.Sprintf("%d/%d", c.Assessed, c.Total-c.NA)
}
