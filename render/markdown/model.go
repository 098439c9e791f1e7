package markdown

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// EncodeModel writes model m as a Markdown reference in language lang
// (English where a text is not translated): the scale, then every pillar,
// area and indicator with its question, level descriptors, evidence,
// roles and crosswalk. It is what "ncskit model --format md" prints.
func EncodeModel(w io.Writer, m *assess.Model, lang string) error {
	bw := bufio.NewWriter(w)
	writeModel(bw, m, lang)
	return bw.Flush()
}

func writeModel(w io.Writer, m *assess.Model, lang string) {
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
				writeIndicator(w, m, in, lang)
			}
		}
	}
}

func writeIndicator(w io.Writer, m *assess.Model, in *assess.Indicator, lang string) {
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
