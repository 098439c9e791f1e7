// Package docx renders a strategy draft as a Word document (Office Open
// XML WordprocessingML, ISO/IEC 29500) for the team that rewrites the
// draft over weeks of consultation, with tracked changes and comments, in
// Word or LibreOffice Writer:
//
//	err := docx.Encode(w, draft, nil) // A4
//	err = docx.Encode(w, draft, &docx.Options{PageSize: "Letter"})
//
// The document renders whatever blocks the draft holds, in Word's
// built-in styles under their built-in IDs (Title, Heading 1-3, List
// Bullet, List Number, Caption, Table Grid, TOC 1-3), so that the
// navigation pane, the table of contents and a ministry's own template
// work on it. It has a cover, a table-of-contents field (TOC \o "1-3" \h
// \z \u) that Word updates on opening, a running header with the title,
// the classification marking and the draft mark, and a footer with the
// country, the marking and "Page X of Y" (PAGE and NUMPAGES fields).
// Tables repeat their header row on every page and share the text width
// in proportion to their relative widths; a table with very long text in
// some columns shows that text in a row of its own under each row, as the
// PDF draft does, and a table of more than ten columns (the RACI matrix)
// gets a landscape section, its institutions' names turned upright.
//
// Charts are PNG pictures drawn in Go (a radar, grouped bars, a timeline;
// no image library beyond the standard one and a 7×13 bitmap font for
// short ASCII keys), each with a text alternative that gives its title,
// caption and every value, and, for the radar and bars, a table of its
// data with every label in full.
//
// The document properties carry the title, subject, creator ("ncskit"),
// language, status, version and classification; the draft's language is
// the language of every run, so that Word's and LibreOffice's spelling
// checkers use its dictionary. The words the renderer adds ("Contents",
// "Page", "of", the draft mark, the cover's field names) are the draft's
// Labels.
//
// All text is text: it is XML-escaped and never becomes a field, a
// hyperlink or markup. Characters that XML 1.0 forbids are replaced by a
// visible sign (a control character by its Control Pictures symbol, such
// as "␁"; a byte that is not UTF-8 by U+FFFD), and "_x0041_" stays as
// written (WordprocessingML text has no such escapes). Dates come from the
// draft, every part of the archive has a fixed time and the parts a fixed
// order, so the same draft and options always give the same bytes.
package docx
