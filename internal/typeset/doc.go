// Package typeset measures, wraps and cleans text set in the embedded
// DejaVu Sans (regular and bold, subset to Latin ranges; fonts/README.md
// says how and under which licence), for the PDF renderers built on
// github.com/go-pdf/fpdf:
//
//	if err := typeset.AddFonts(f); err != nil { ... } // f is an *fpdf.Fpdf
//	lines := typeset.Wrap(typeset.Clean(s), 80, typeset.Font{Size: 9})
//
// Widths are computed from the fonts' own metrics as fpdf computes them,
// so that a line that fits here fits on the page. Wrapping takes time in
// proportion to the length of the text, however long its words.
package typeset
