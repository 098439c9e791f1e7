package questionnaire

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/xuri/excelize/v2"
)

// answers knows every way a respondent may write an answer: as the
// drop-down list shows it in any language, as a bare number or name, with
// odd case, spacing and accents.
type answers struct {
	m          *assess.Model
	lang       string // of the questionnaire, for messages that list choices
	levels     map[string]int
	na         map[string]bool
	unknown    map[string]bool
	provision  map[string]string
	confidence map[string]string
	yes, no    map[string]bool
}

func newAnswers(m *assess.Model, lang string) *answers {
	a := &answers{m: m, lang: lang, levels: map[string]int{}, na: set("n/a", "na", "n.a.", "n.a", "not applicable"),
		unknown: set("unknown", "?", "don't know", "do not know"), provision: map[string]string{}, confidence: map[string]string{},
		yes: set("yes", "y", "true", "x", "1", "si", "oui"), no: set("no", "n", "false", "0", "non")}
	for i, l := range m.Scale.Levels {
		a.levels[fold(l.Key)] = i + 1
		for _, name := range l.Name {
			a.levels[fold(name)] = i + 1
		}
	}
	for _, name := range m.Scale.NotApplicable.Name {
		a.na[fold(name)] = true
	}
	for _, name := range m.Scale.Unknown.Name {
		a.unknown[fold(name)] = true
	}
	for _, s := range variants("choice.na") {
		a.na[fold(s)] = true
	}
	for _, s := range variants("choice.unknown") {
		a.unknown[fold(s)] = true
	}
	for _, p := range m.ProvisionModes {
		a.provision[fold(p.ID)] = p.ID
		for _, name := range p.Name {
			a.provision[fold(name)] = p.ID
		}
	}
	for _, c := range assess.Confidences {
		a.confidence[c] = c
		for _, s := range variants("choice." + c) {
			a.confidence[fold(s)] = c
		}
	}
	for _, s := range variants("choice.yes") {
		a.yes[fold(s)] = true
	}
	for _, s := range variants("choice.no") {
		a.no[fold(s)] = true
	}
	return a
}

func set(items ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range items {
		m[s] = true
	}
	return m
}

// numbered matches a level written with its number and name: "3 - Defined",
// "3. Defined", "3: Defined", "3) Defined", "3 Defined".
var numbered = lazyRegexp(`^([0-9]+)\s*[-–—:.)]?\s*(\D.*)$`)

// level reads a level answer: a level, n/a, unknown, or 0 for a blank.
func (a *answers) level(raw string) (assess.Rating, string) {
	s := fold(raw)
	switch {
	case s == "":
		return 0, ""
	case a.na[s]:
		return assess.NotApplicable, ""
	case a.unknown[s]:
		return assess.Unknown, ""
	}
	if l, msg, ok := a.scaleLevel(raw, s); ok {
		return assess.Rating(l), msg
	}
	return 0, fmt.Sprintf("%s is not a level (%s), %q or %q", quote(raw), a.span(), "n/a", "unknown")
}

// target reads a target level, or 0 for a blank.
func (a *answers) target(raw string) (int, string) {
	s := fold(raw)
	if s == "" {
		return 0, ""
	}
	if l, msg, ok := a.scaleLevel(raw, s); ok {
		return l, msg
	}
	if a.na[s] || a.unknown[s] {
		return 0, fmt.Sprintf("%s is not a target: choose a level (%s)", quote(raw), a.span())
	}
	return 0, fmt.Sprintf("%s is not a level (%s)", quote(raw), a.span())
}

// scaleLevel reads a level given as a number, a name, or both. ok is false
// when s looks like none of these.
func (a *answers) scaleLevel(raw, s string) (int, string, bool) {
	max := a.m.Scale.Max()
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f != math.Trunc(f) || f < 1 || f > float64(max) {
			return 0, fmt.Sprintf("%s is not a level (%s)", quote(raw), a.span()), true
		}
		return int(f), "", true
	}
	if l, ok := a.levels[s]; ok {
		return l, "", true
	}
	if m := numbered().FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n < 1 || n > max {
			return 0, fmt.Sprintf("%s is not a level (%s)", quote(raw), a.span()), true
		}
		if l, ok := a.levels[strings.TrimSpace(m[2])]; !ok || l != n {
			return 0, fmt.Sprintf("%s: level %d is %q", quote(raw), n, a.m.Scale.Name(n, a.lang)), true
		}
		return n, "", true
	}
	return 0, "", false
}

// span is the scale written for a message: "1-5".
func (a *answers) span() string { return fmt.Sprintf("1-%d", a.m.Scale.Max()) }

// provisionMode reads a provision mode by name or ID.
func (a *answers) provisionMode(raw string) (string, string) {
	s := fold(raw)
	if s == "" {
		return "", ""
	}
	if id, ok := a.provision[s]; ok {
		return id, ""
	}
	var names []string
	for _, p := range a.m.ProvisionModes {
		names = append(names, p.Name.In(a.lang))
	}
	return "", fmt.Sprintf("%s is not a provision mode (%s)", quote(raw), strings.Join(names, ", "))
}

// confidenceLevel reads a confidence.
func (a *answers) confidenceLevel(raw string) (string, string) {
	s := fold(raw)
	if s == "" {
		return "", ""
	}
	if c, ok := a.confidence[s]; ok {
		return c, ""
	}
	var names []string
	for _, c := range assess.Confidences {
		names = append(names, tr(a.lang, "choice."+c))
	}
	return "", fmt.Sprintf("%s is not a confidence (%s)", quote(raw), strings.Join(names, ", "))
}

// yesNo reads a yes or no; a blank is no.
func (a *answers) yesNo(raw string) (bool, string) {
	s := fold(raw)
	switch {
	case s == "" || a.no[s]:
		return false, ""
	case a.yes[s]:
		return true, ""
	}
	return false, fmt.Sprintf("%s is not %s or %s", quote(raw), tr(a.lang, "choice.yes"), tr(a.lang, "choice.no"))
}

// date reads a date typed as a date (a serial number) or as text in
// YYYY-MM-DD form, and returns it as YYYY-MM-DD.
func date(raw string, date1904 bool) (string, string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", ""
	}
	var t time.Time
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f < 2958466 {
		t, err = excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			return "", fmt.Sprintf("%s is not a date: use YYYY-MM-DD", quote(raw))
		}
	} else {
		var ok bool
		for _, layout := range []string{time.DateOnly, "2006/01/02", "2006-1-2", "2006/1/2", time.DateTime, "2006-01-02T15:04:05", time.RFC3339} {
			if t, err = time.Parse(layout, s); err == nil {
				ok = true
				break
			}
		}
		if !ok {
			return "", fmt.Sprintf("%s is not a date: use YYYY-MM-DD", quote(raw))
		}
	}
	if t.Year() < 1990 || t.Year() > 2200 {
		return "", fmt.Sprintf("%s is not a plausible date", quote(raw))
	}
	return t.Format(time.DateOnly), ""
}

// fold prepares an answer for matching: trimmed, single-spaced, lower
// case, without accents.
func fold(s string) string {
	return strings.ToLower(accents.Replace(strings.Join(strings.Fields(s), " ")))
}

var accents = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "Á", "A", "À", "A", "Â", "A", "Ä", "A", "Ã", "A",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "É", "E", "È", "E", "Ê", "E", "Ë", "E",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "Í", "I", "Ì", "I", "Î", "I", "Ï", "I",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "Ó", "O", "Ò", "O", "Ô", "O", "Ö", "O", "Õ", "O",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "Ú", "U", "Ù", "U", "Û", "U", "Ü", "U",
	"ñ", "n", "Ñ", "N", "ç", "c", "Ç", "C", "ý", "y", "ÿ", "y", "Ý", "Y",
	"’", "'", "‘", "'",
)

// quote quotes a cell value for a message, shortened when it is long.
func quote(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return strconv.Quote(s)
}
