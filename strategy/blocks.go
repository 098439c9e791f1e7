package strategy

import (
	"strconv"
	"strings"
)

// Helpers that append blocks to the draft and number the headings.

func (b *builder) add(bl Block) { b.d.Blocks = append(b.d.Blocks, bl) }

// chapterHeading starts a numbered chapter (1, 2, …).
func (b *builder) chapterHeading(text, anchor string) {
	b.chapter++
	b.section = 0
	b.add(Heading{Level: 1, Number: strconv.Itoa(b.chapter), Text: text, Anchor: anchor})
}

// annexHeading starts a lettered annex (A, B, …).
func (b *builder) annexHeading(text, anchor string) {
	b.chapter = -1
	b.section = 0
	letter := string(rune('A' + b.annex))
	b.annex++
	b.add(Heading{Level: 1, Number: b.label("annex") + " " + letter, Text: text, Anchor: anchor})
}

// sectionHeading starts a numbered section of the current chapter.
func (b *builder) sectionHeading(text, anchor string) {
	b.section++
	num := ""
	if b.chapter > 0 {
		num = strconv.Itoa(b.chapter) + "." + strconv.Itoa(b.section)
	}
	b.add(Heading{Level: 2, Number: num, Text: text, Anchor: anchor})
}

func (b *builder) para(text string) {
	if strings.TrimSpace(text) != "" {
		b.add(Paragraph{Text: text})
	}
}

func (b *builder) leadPara(text string) { b.add(Paragraph{Text: text, Style: "lead"}) }

func (b *builder) small(text string) { b.add(Paragraph{Text: text, Style: "small"}) }

func (b *builder) list(ordered bool, items ...string) {
	if len(items) > 0 {
		b.add(List{Ordered: ordered, Items: items})
	}
}

func (b *builder) table(role, caption string, columns []string, widths []float64, rows [][]string) {
	b.add(Table{Role: role, Caption: caption, Columns: columns, Widths: widths, Rows: rows})
}

func (b *builder) callout(tone, title, text string) {
	b.add(Callout{Tone: tone, Title: title, Text: text})
}

// labels returns the labels for keys, for table column heads.
func (b *builder) labels(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = b.label(k)
	}
	return out
}
