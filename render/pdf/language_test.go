package pdf

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestSpanishFrenchPortuguese checks that Spanish, French and Portuguese
// come out of the PDF's fonts as they went in, by a pdftotext round trip:
// every accented letter, the inverted marks, œ, the Portuguese tildes
// (ã õ) and cedilla, the guillemets and the narrow no-break space French
// puts before ; : ? ! and inside « », and the model's own Spanish, French
// and Portuguese text.
func TestSpanishFrenchPortuguese(t *testing.T) {
	m := assess.Default()
	in := m.Indicator("GOV.STR.1")
	letters := "árbol éxito índice óptimo único niño pingüino ¿Qué? ¡Sí! Ángel Évora Íñigo Óscar Úrsula Ñandú Ümlaut " +
		"déjà château garçon élève fête Noël île maïs hôtel où sûr cœur Œuvre Ça"
	portuguese := "ação órgãos informações põe você também àquela às pôde avô têm ônibus pública saúde " +
		"São Tomé Ângela Ângulo Ótimo Ênfase Índice Úteis Àquele ÃÕÇ ÂÊÔ ÁÉÍÓÚ À"
	nnbsp := "«\u202fle Gouvernement\u202f» a-t-il adopté\u202f?"
	samples := []string{
		letters,
		portuguese,
		nnbsp,
		in.Question.In("es"),
		in.Question.In("fr"),
		m.Pillar("GOV").Name.In("es"),
		m.Pillar("OUT").Name.In("fr"),
		m.Indicator("IRC.OPS.4").Title.In("es"),
		in.Question.In("pt"),
		m.Pillar("OUT").Name.In("pt"),
		m.Indicator("GOV.RES.1").Title.In("pt"),
		m.Indicator("GOV.LEAD.4").Title.In("pt"),
		m.Indicator("OUT.PPP.2").Title.In("pt"),
	}
	d := drafttest.Draft(t, "small-island")
	var blocks []strategy.Block
	blocks = append(blocks, strategy.Heading{Level: 1, Text: m.Pillar("IRC").Name.In("fr"), Anchor: "fr"})
	for _, s := range samples {
		blocks = append(blocks, strategy.Paragraph{Text: s})
	}
	d.Blocks = blocks
	text := run(t, "pdftotext", "-enc", "UTF-8", write(t, encode(t, d, nil)), "-")
	if strings.Contains(text, "\uFFFD") {
		t.Errorf("a character is missing from the font (replaced by U+FFFD)")
	}
	got := flat(strings.ReplaceAll(text, "\u202f", " "))
	for _, s := range append(samples, m.Pillar("IRC").Name.In("fr")) {
		if want := flat(strings.ReplaceAll(s, "\u202f", " ")); !strings.Contains(got, want) {
			t.Errorf("%q does not survive the PDF round trip:\n%s", want, got)
		}
	}
	if !strings.Contains(text, "\u202f") {
		t.Log("pdftotext gives the narrow no-break space as a space")
	}
}
