package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/ncskit/ncskit/assess"
)

// writeScoreText prints a result for a terminal: the coverage, a table of
// pillars and areas, the top priorities with their reasons and the warnings.
// The result itself (warnings, reasons) must have been scored in lang
// (assess.ScoreIn).
func writeScoreText(w io.Writer, m *assess.Model, a *assess.Assessment, r *assess.Result, lang string, top int) {
	t := func(key string, args ...string) string { return scoreText(lang, key, args...) }
	itoa := strconv.Itoa
	fmt.Fprintln(w, t("title", "country", r.Country, "date", r.Date))
	fmt.Fprint(w, t("model", "id", r.Model.ID, "version", m.Version))
	if r.TargetFrom != "" {
		fmt.Fprint(w, t("targetProfile", "profile", r.TargetFrom))
	}
	fmt.Fprintln(w)
	c := r.Coverage
	fmt.Fprint(w, t("coverage", "assessed", itoa(c.Assessed), "total", itoa(c.Total-c.NA), "percent", itoa(c.Percent)))
	if c.Unknown > 0 {
		fmt.Fprint(w, t("unknown", "n", itoa(c.Unknown)))
	}
	if c.Unassessed > 0 {
		fmt.Fprint(w, t("unassessed", "n", itoa(c.Unassessed)))
	}
	if c.NA > 0 {
		fmt.Fprint(w, t("na", "n", itoa(c.NA)))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, t("legend"))
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\t"+t("head"))
	row := func(indent, id string, name assess.Text, x assess.Rollup) {
		fmt.Fprintf(tw, "%s%s %s\t%s\t%s\t%d\t%s\t%s\n", indent, id, name.In(lang),
			levelName(m, x.Achieved, lang), progress(lang, x.Progress), x.Target, gap(x), coverage(x.Coverage))
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
	fmt.Fprintln(w, t("priorities", "n", itoa(n), "total", itoa(len(r.Priorities))))
	for _, p := range r.Priorities[:n] {
		fmt.Fprintf(w, "%3d. %s %s\n", p.Rank, p.Indicator, m.Indicator(p.Indicator).Title.In(lang))
		fmt.Fprintf(w, "     %s\n", p.Reason)
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "\n%s\n", t("warnings", "n", itoa(len(r.Warnings))))
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

func progress(lang string, f float64) string {
	if f == 0 {
		return "—"
	}
	s := fmt.Sprintf("%.2f", f)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// The words of the score report live in scoretext.json, keyed by
// language.
//
//go:embed scoretext.json
var scoreTextJSON []byte

var scoreTexts = sync.OnceValue(func() map[string]assess.Text {
	var m map[string]assess.Text
	if err := json.Unmarshal(scoreTextJSON, &m); err != nil {
		panic("cmd/ncskit: scoretext.json: " + err.Error())
	}
	return m
})

// scoreText returns the text key in lang with the placeholders of args
// (name, value pairs) filled.
func scoreText(lang, key string, args ...string) string {
	tx, ok := scoreTexts()[key]
	if !ok {
		panic("cmd/ncskit: no score text " + key)
	}
	return tx.Fill(lang, args...)
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
