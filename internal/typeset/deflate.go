package typeset

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/go-pdf/fpdf"
)

// fpdf compresses each page's content stream with a zlib writer of its
// own, and a new writer costs about a megabyte of memory to set up: for a
// draft of 85 pages that was more time than drawing them. fpdf offers no
// way to reuse one, so Output has fpdf write the pages uncompressed and
// deflates their content streams here, with a writer kept for the next
// document, at the level fpdf uses. The file is byte for byte the one
// fpdf's own compression gives.

// Output writes the document f to w as fpdf's Output with compression
// on would, faster (see above). It turns fpdf's own compression off.
func Output(f *fpdf.Fpdf, w io.Writer) error {
	f.SetCompression(false)
	var raw bytes.Buffer
	if err := f.Output(&raw); err != nil {
		return err
	}
	out, err := deflatePages(raw.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// zlibWriters holds writers at fpdf's compression level.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

var errLayout = errors.New("fpdf's output is not laid out as expected")

// deflatePages returns the PDF that fpdf wrote with compression off, with
// the content stream of every page compressed and the cross-reference
// table moved to match. It reads only what fpdf writes: a classic
// cross-reference table, the page tree in object 1, each page's
// "/Contents n 0 R" last in its dictionary, and each content stream as
// "n 0 obj\n<</Length l>>\nstream\n" then l bytes then "\nendstream".
func deflatePages(pdf []byte) ([]byte, error) {
	xref, offsets, err := xrefTable(pdf)
	if err != nil {
		return nil, err
	}
	contents, err := pageContents(pdf, offsets)
	if err != nil {
		return nil, err
	}
	type patch struct {
		start, end int    // the bytes replaced: the object's head and its data
		with       []byte // what replaces them
	}
	patches := make([]patch, 0, len(contents))
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	for _, n := range contents {
		start := offsets[n]
		head := strconv.Itoa(n) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(pdf[start:], []byte(head)) {
			return nil, fmt.Errorf("%w: object %d is not an uncompressed stream", errLayout, n)
		}
		at := start + len(head)
		l, k := number(pdf, at)
		at += k
		const open, end = ">>\nstream\n", "\nendstream\n"
		if k == 0 || !bytes.HasPrefix(pdf[at:], []byte(open)) {
			return nil, fmt.Errorf("%w: object %d has no length", errLayout, n)
		}
		at += len(open)
		if at+l > len(pdf) || !bytes.HasPrefix(pdf[at+l:], []byte(end)) {
			return nil, fmt.Errorf("%w: object %d is not %d bytes long", errLayout, n, l)
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(pdf[at : at+l]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		with := make([]byte, 0, z.Len()+64)
		with = fmt.Appendf(with, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, z.Len())
		patches = append(patches, patch{start, at + l, append(with, z.Bytes()...)})
	}
	slices.SortFunc(patches, func(a, b patch) int { return a.start - b.start })
	for i := 1; i < len(patches); i++ {
		if patches[i].start < patches[i-1].end {
			return nil, fmt.Errorf("%w: content streams overlap", errLayout)
		}
	}
	// moved is the new place of offset o, which is not inside a patch.
	moved := func(o int) int {
		n := o
		for _, p := range patches {
			if p.start >= o {
				break
			}
			n += len(p.with) - (p.end - p.start)
		}
		return n
	}
	out := make([]byte, 0, moved(len(pdf))+16) // the table's offsets keep their width
	last := 0
	for _, p := range patches {
		out = append(out, pdf[last:p.start]...)
		out = append(out, p.with...)
		last = p.end
	}
	out = append(out, pdf[last:xref]...)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, o := range offsets[1:] {
		out = fmt.Appendf(out, "%010d 00000 n \n", moved(o))
	}
	tail := pdf[xref+xrefLen(len(offsets)):]
	i := bytes.LastIndex(tail, []byte("startxref\n"))
	if i < 0 {
		return nil, fmt.Errorf("%w: no startxref", errLayout)
	}
	out = append(out, tail[:i]...)
	return fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", moved(xref)), nil
}

// xrefLen is the length of fpdf's cross-reference table of n entries.
func xrefLen(n int) int {
	return len(fmt.Sprintf("xref\n0 %d\n", n)) + 20*n
}

// xrefTable returns where the cross-reference table starts and the
// offset of every object (offsets[0] unused).
func xrefTable(pdf []byte) (int, []int, error) {
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		return 0, nil, fmt.Errorf("%w: no startxref", errLayout)
	}
	xref, k := number(pdf, i+len("startxref\n"))
	if k == 0 || xref > i {
		return 0, nil, fmt.Errorf("%w: bad startxref", errLayout)
	}
	at := xref + len("xref\n0 ")
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		return 0, nil, fmt.Errorf("%w: no cross-reference table", errLayout)
	}
	n, k := number(pdf, at)
	if k == 0 || n < 2 || xref+xrefLen(n) > i {
		return 0, nil, fmt.Errorf("%w: bad cross-reference table", errLayout)
	}
	at += k + 1
	offsets := make([]int, n)
	for j := 1; j < n; j++ {
		e := pdf[at+20*j : at+20*(j+1)]
		o, k := number(e, 0)
		if k != 10 || string(e[10:]) != " 00000 n \n" || o >= xref {
			return 0, nil, fmt.Errorf("%w: bad cross-reference entry %d", errLayout, j)
		}
		offsets[j] = o
	}
	return xref, offsets, nil
}

// pageContents returns the object numbers of the pages' content streams.
func pageContents(pdf []byte, offsets []int) ([]int, error) {
	root := object(pdf, offsets[1])
	i := bytes.Index(root, []byte("/Kids ["))
	if i < 0 {
		return nil, fmt.Errorf("%w: no page tree", errLayout)
	}
	kids := root[i+len("/Kids ["):]
	kids = kids[:max(bytes.IndexByte(kids, ']'), 0)]
	var out []int
	for f := range bytes.FieldsSeq(kids) {
		if string(f) == "0" || string(f) == "R" {
			continue
		}
		page, k := number(f, 0)
		if k != len(f) || page <= 0 || page >= len(offsets) {
			return nil, fmt.Errorf("%w: bad page %q", errLayout, f)
		}
		obj := object(pdf, offsets[page])
		j := bytes.LastIndex(obj, []byte("/Contents "))
		if j < 0 {
			return nil, fmt.Errorf("%w: page object %d has no contents", errLayout, page)
		}
		at := j + len("/Contents ")
		c, k := number(obj, at)
		if k == 0 || !bytes.HasPrefix(obj[at+k:], []byte(" 0 R")) || c <= 0 || c >= len(offsets) {
			return nil, fmt.Errorf("%w: page object %d has bad contents", errLayout, page)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no pages", errLayout)
	}
	return out, nil
}

// object returns the bytes of the object at offset o up to its "endobj".
func object(pdf []byte, o int) []byte {
	obj := pdf[o:]
	if i := bytes.Index(obj, []byte("endobj")); i >= 0 {
		return obj[:i]
	}
	return obj
}

// number reads the decimal number at b[at:] and returns it and its
// length in bytes, 0 when there is none.
func number(b []byte, at int) (int, int) {
	n, k := 0, 0
	for at+k < len(b) && k < 12 && b[at+k] >= '0' && b[at+k] <= '9' {
		n = n*10 + int(b[at+k]-'0')
		k++
	}
	return n, k
}
