// Package pdf renders a strategy draft as a print-ready PDF document (ISO
// 32000-1, written with github.com/go-pdf/fpdf) that a ministry can
// circulate for consultation:
//
//	err := pdf.Encode(w, draft, nil) // A4
//	err = pdf.Encode(w, draft, &pdf.Options{PageSize: "Letter"})
//
// The document has a cover page (country, title, period, version, status,
// date and classification marking), a table of contents with page numbers,
// an outline (bookmarks) with an entry for every heading, a running header
// with the classification marking and a draft mark, and a footer with
// "Page X of Y". Charts are drawn as vectors; tables break across pages
// under a repeated header row and wrap long cells within the margins. The
// words the renderer adds (the draft mark, "Page", "of", "Contents", the
// cover's field names) are the draft's Labels, so the document follows
// the draft's language.
//
// Text is set in DejaVu Sans, embedded, measured and wrapped by
// internal/typeset (its fonts/README.md says how the subset was made and
// under which licence). Any text is safe: line breaks and tabs are
// normalised, control characters dropped, and characters the font lacks
// are replaced by U+FFFD.
//
// The table of contents is built in two passes: the first lays out the
// document and records the page of every heading and the page count; the
// second draws the same layout with those numbers. Dates come from the
// draft (its session date), so the same draft and options always give
// byte-identical files.
package pdf
