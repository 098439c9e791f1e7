package strategy

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Long institution names are written in full once per document, with
// their acronym or short name, and by the acronym after that; the
// strategy and the plan end with a list of the acronyms they use.

// longName is the length, in characters, from which an institution's
// name is shortened after its first use.
const longName = 30

// acronym is an institution's name and the short form that stands for it.
type acronym struct {
	name, short string
}

// definition is the first use of the name: the name itself when it
// already shows its short form, else the name with the short form in
// brackets.
func (a acronym) definition() string {
	if strings.Contains(a.name, "("+a.short+")") || strings.HasPrefix(a.name, a.short) {
		return a.name
	}
	return a.name + " (" + a.short + ")"
}

var shortID = regexp.MustCompile(`^[a-z]{2,6}$`)

// shortForm finds the short form of an institution's name: a leading
// word in capitals before a comma ("CoralCIRT, National …"), else a
// one-word name in brackets ("… (ANCS)"), else the stakeholder's ID in
// capitals when it is a short word ("mdt" → "MDT"), else the name up to
// its first comma or bracket when that leaves out a long qualifier
// ("Fiscalía General de la Nación, Unidad …"); "" when there is none.
func shortForm(name, id string) string {
	if i := strings.Index(name, ", "); i > 0 && !strings.ContainsRune(name[:i], ' ') && capitals(name[:i]) >= 2 {
		return name[:i]
	}
	for rest := name; ; {
		i := strings.IndexByte(rest, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], ')')
		if j < 0 {
			break
		}
		w := rest[i+1 : i+j]
		if r, _ := utf8.DecodeRuneInString(w); w != "" && !strings.ContainsRune(w, ' ') && unicode.IsUpper(r) {
			return w
		}
		rest = rest[i+j:]
	}
	if shortID.MatchString(id) {
		return strings.ToUpper(id)
	}
	if i := strings.IndexAny(name, ",("); i > 0 && len(name)-i >= 10 && strings.Count(strings.TrimSpace(name[:i]), " ") >= 1 {
		return strings.TrimSpace(name[:i])
	}
	return ""
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// institutionAcronyms returns the long names of the stakeholders with
// their short forms, the longest name first.
func (b *builder) institutionAcronyms() []acronym {
	var out []acronym
	seen := map[string]bool{}
	for _, s := range b.a.Stakeholders {
		short := shortForm(s.Name, s.ID)
		if utf8.RuneCountInString(s.Name) < longName || short == "" || seen[s.Name] || seen["short:"+short] {
			continue
		}
		seen[s.Name], seen["short:"+short] = true, true
		out = append(out, acronym{s.Name, short})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].name) > len(out[j].name) })
	return out
}

// acronyms shortens the long institution names of every document of the
// draft after their first use and ends the strategy and the plan with
// their list of acronyms.
func (b *builder) acronyms() {
	list := b.institutionAcronyms()
	var starts []int
	for i, bl := range b.d.Blocks {
		if _, ok := bl.(Part); ok {
			starts = append(starts, i)
		}
	}
	var out []Block
	for k, start := range starts {
		end := len(b.d.Blocks)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		blocks := b.d.Blocks[start:end]
		used := shorten(blocks, list)
		out = append(out, blocks...)
		if p := blocks[0].(Part); p.ID != PartBrief {
			out = append(out, b.acronymList(blocks, list, used)...)
		}
	}
	b.d.Blocks = out
}

// acronymList is the heading and table of the acronyms a document uses:
// the institutions it shortened and the common acronyms of the template
// ("acronym.CSIRT" labels) that appear in it.
func (b *builder) acronymList(blocks []Block, list []acronym, used map[string]bool) []Block {
	var rows [][]string
	for _, a := range list {
		if used[a.name] {
			rows = append(rows, []string{a.short, a.name})
		}
	}
	var text strings.Builder
	eachText(blocks, func(s *string) { text.WriteString(*s); text.WriteByte('\n') })
	all := text.String()
	for k, v := range b.t.common.Labels {
		short, ok := strings.CutPrefix(k, "acronym.")
		if ok && containsWord(all, short) {
			rows = append(rows, []string{short, v.In(b.lang)})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	sort.Slice(rows, func(i, j int) bool { return strings.ToLower(rows[i][0]) < strings.ToLower(rows[j][0]) })
	return []Block{
		Heading{Level: 1, Text: b.label("sec.acronyms"), Anchor: "acronyms-" + blocks[0].(Part).ID},
		Table{Role: "acronyms", Columns: b.labels("col.acronym", "col.meaning"), Widths: []float64{1, 4}, Rows: rows},
	}
}

// containsWord reports whether w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		i = j + len(w)
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
}

// shorten rewrites the text of blocks in order: the first use of each
// long name becomes its definition, later ones its short form. It
// returns the names it met.
func shorten(blocks []Block, list []acronym) map[string]bool {
	used := map[string]bool{}
	if len(list) == 0 {
		return used
	}
	eachText(blocks, func(s *string) {
		var out strings.Builder
		rest := *s
		for rest != "" {
			hit := false
			for _, a := range list {
				if strings.HasPrefix(rest, a.name) {
					if used[a.name] {
						out.WriteString(a.short)
					} else {
						out.WriteString(a.definition())
						used[a.name] = true
					}
					rest = rest[len(a.name):]
					hit = true
					break
				}
			}
			if !hit {
				_, n := utf8.DecodeRuneInString(rest)
				out.WriteString(rest[:n])
				rest = rest[n:]
			}
		}
		*s = out.String()
	})
	return used
}

// quoting are the tables whose cells cite published documents as
// written: their words are kept.
var quoting = map[string]bool{"sources": true}

// eachText calls f on every piece of running text of blocks, in reading
// order: paragraphs, list items, table captions, heads and cells,
// callouts. Headings, charts and the tables that quote keep their words.
func eachText(blocks []Block, f func(*string)) {
	for i, bl := range blocks {
		switch v := bl.(type) {
		case Paragraph:
			f(&v.Text)
			blocks[i] = v
		case List:
			items := append([]string(nil), v.Items...)
			for k := range items {
				f(&items[k])
			}
			v.Items = items
			blocks[i] = v
		case Table:
			if quoting[v.Role] {
				continue
			}
			f(&v.Caption)
			cols := append([]string(nil), v.Columns...)
			for k := range cols {
				f(&cols[k])
			}
			rows := make([][]string, len(v.Rows))
			for r, row := range v.Rows {
				rows[r] = append([]string(nil), row...)
				for k := range rows[r] {
					f(&rows[r][k])
				}
			}
			v.Columns, v.Rows = cols, rows
			blocks[i] = v
		case Callout:
			f(&v.Title)
			f(&v.Text)
			blocks[i] = v
		}
	}
}
