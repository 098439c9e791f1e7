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

// modelLabels are the words of the model reference that are not the
// model's own text.
var modelLabels = map[string]assess.Text{
	"version":     {"en": "Model `{id}`, version {version}.", "es": "Modelo `{id}`, versión {version}.", "fr": "Modèle `{id}`, version {version}.", "pt": "Modelo `{id}`, versão {version}."},
	"scale":       {"en": "Scale", "es": "Escala", "fr": "Échelle", "pt": "Escala"},
	"level":       {"en": "Level", "es": "Nivel", "fr": "Niveau", "pt": "Nível"},
	"see":         {"en": "What you would see", "es": "Lo que se observaría", "fr": "Ce que l'on observerait", "pt": "O que se observaria"},
	"evidence":    {"en": "Evidence:", "es": "Evidencia:", "fr": "Éléments de preuve\u00a0:", "pt": "Evidências:"},
	"lead":        {"en": "Lead:", "es": "Responsable:", "fr": "Chef de file\u00a0:", "pt": "Responsável:"},
	"support":     {"en": "Support:", "es": "Apoyo:", "fr": "Appui\u00a0:", "pt": "Apoio:"},
	"weight":      {"en": "Weight", "es": "Peso", "fr": "Poids", "pt": "Peso"},
	"urgency":     {"en": "urgency", "es": "urgencia", "fr": "urgence", "pt": "urgência"},
	"cost":        {"en": "cost", "es": "costo", "fr": "coût", "pt": "custo"},
	"cost.low":    {"en": "low", "es": "bajo", "fr": "faible", "pt": "baixo"},
	"cost.medium": {"en": "medium", "es": "medio", "fr": "moyen", "pt": "médio"},
	"cost.high":   {"en": "high", "es": "alto", "fr": "élevé", "pt": "alto"},
	"depends":     {"en": "Depends on:", "es": "Depende de:", "fr": "Dépend de\u00a0:", "pt": "Depende de:"},
	"crosswalk":   {"en": "Crosswalk:", "es": "Correspondencias:", "fr": "Correspondances\u00a0:", "pt": "Correspondências:"},
}

// label returns the label key in lang, or key itself when there is none
// (a cost level a custom model invented).
func label(key, lang string) string {
	if t, ok := modelLabels[key]; ok {
		return t.In(lang)
	}
	return strings.TrimPrefix(key, "cost.")
}

func writeModel(w io.Writer, m *assess.Model, lang string) {
	version := strings.NewReplacer("{id}", m.ID, "{version}", m.Version).Replace(label("version", lang))
	fmt.Fprintf(w, "# %s\n\n%s\n\n%s\n\n", m.Name.In(lang), version, m.Summary.In(lang))
	fmt.Fprintf(w, "## %s\n\n", label("scale", lang))
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
	fmt.Fprintf(w, "| %s | %s |\n|---|---|\n", label("level", lang), label("see", lang))
	for i, d := range in.Levels {
		fmt.Fprintf(w, "| %d %s | %s |\n", i+1, m.Scale.Name(i+1, lang), strings.ReplaceAll(d.In(lang), "|", "\\|"))
	}
	fmt.Fprintf(w, "\n**%s** %s\n\n", label("evidence", lang), in.Evidence.In(lang))
	fmt.Fprintf(w, "**%s** %s. **%s** %s.  \n", label("lead", lang), roleNames(m, in.Lead, lang), label("support", lang), roleNames(m, in.Support, lang))
	fmt.Fprintf(w, "**%s** %d, **%s** %d, **%s** %s.", label("weight", lang), in.Weight, label("urgency", lang), in.Urgency, label("cost", lang), label("cost."+in.Cost, lang))
	if len(in.DependsOn) > 0 {
		fmt.Fprintf(w, " **%s** %s.", label("depends", lang), strings.Join(in.DependsOn, ", "))
	}
	fmt.Fprintf(w, "  \n**%s** %s\n\n", label("crosswalk", lang), "`"+strings.Join(in.Crosswalk, "`, `")+"`")
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
