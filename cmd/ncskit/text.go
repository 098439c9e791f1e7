package main

import (
	"fmt"
	"io"
	"strings"
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

// writeModelMarkdown prints the model as a Markdown reference: the scale,
// then every pillar, area and indicator with its question, level
// descriptors, evidence, roles and crosswalk.
func writeModelMarkdown(w io.Writer, m *assess.Model, lang string) {
	fmt.Fprintf(w, "# %s\n\nModel `%s`, version %s.\n\n%s\n\n", m.Name.In(lang), m.ID, m.Version, m.Summary.In(lang))
	fmt.Fprintln(w, "## Scale")
	fmt.Fprintln(w)
	for _, l := range m.Scale.Levels {
		fmt.Fprintf(w, "- **%d %s** — %s\n", l.Level, l.Name.In(lang), l.Meaning.In(lang))
	}
	fmt.Fprintf(w, "- **%s** — %s\n", m.Scale.NotApplicable.Name.In(lang), m.Scale.NotApplicable.Meaning.In(lang))
	fmt.Fprintf(w, "- **%s** — %s\n\n", m.Scale.Unknown.Name.In(lang), m.Scale.Unknown.Meaning.In(lang))
	for _, p := range m.Pillars {
		fmt.Fprintf(w, "## %s %s\n\n%s\n\n", p.ID, p.Name.In(lang), p.Summary.In(lang))
		for _, a := range p.Areas {
			fmt.Fprintf(w, "### %s %s\n\n%s\n\n", a.ID, a.Name.In(lang), a.Summary.In(lang))
			for _, in := range a.Indicators {
				writeIndicatorMarkdown(w, m, in, lang)
			}
		}
	}
}

func writeIndicatorMarkdown(w io.Writer, m *assess.Model, in *assess.Indicator, lang string) {
	fmt.Fprintf(w, "#### %s %s\n\n*%s*\n\n", in.ID, in.Title.In(lang), in.Question.In(lang))
	fmt.Fprintln(w, "| Level | What you would see |\n|---|---|")
	for i, d := range in.Levels {
		fmt.Fprintf(w, "| %d %s | %s |\n", i+1, m.Scale.Name(i+1, lang), strings.ReplaceAll(d.In(lang), "|", "\\|"))
	}
	fmt.Fprintf(w, "\n**Evidence:** %s\n\n", in.Evidence.In(lang))
	fmt.Fprintf(w, "**Lead:** %s. **Support:** %s.  \n", roleNames(m, in.Lead, lang), roleNames(m, in.Support, lang))
	fmt.Fprintf(w, "**Weight** %d, **urgency** %d, **cost** %s.", in.Weight, in.Urgency, in.Cost)
	if len(in.DependsOn) > 0 {
		fmt.Fprintf(w, " **Depends on:** %s.", strings.Join(in.DependsOn, ", "))
	}
	fmt.Fprintf(w, "  \n**Crosswalk:** %s\n\n", "`"+strings.Join(in.Crosswalk, "`, `")+"`")
}

func roleNames(m *assess.Model, ids []string, lang string) string {
	if len(ids) == 0 {
		return "—"
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		if r, ok := m.Role(id); ok {
			names[i] = r.Name.In(lang)
		} else {
			names[i] = id
		}
	}
	return strings.Join(names, ", ")
}
