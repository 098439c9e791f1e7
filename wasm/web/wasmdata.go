package web

import (
	"bytes"
	"errors"
	"slices"
)

// The Go linker writes the engine's initial memory as up to 100,000 data
// segments: it starts a new one after every run of zero bytes, however
// short. Each segment costs a header of five to eight bytes whose offsets
// differ from one segment to the next, so gzip compresses them badly:
// about 190 KB of the compressed engine are segment headers. Memory starts
// as zeros, so writing the short runs of zeros out and joining their
// neighbours gives the same memory in a few dozen segments.

// mergeGap is the longest run of zeros that mergeData writes out to join
// two segments. Longer runs stay gaps: they cost nothing in the file.
const mergeGap = 4096

// wasmHeader is the magic number and version of a WebAssembly module.
var wasmHeader = []byte("\x00asm\x01\x00\x00\x00")

// Section IDs of the WebAssembly binary format.
const (
	sectionData      = 11
	sectionDataCount = 12
)

// dataSegment is an active segment of memory 0: bytes written at offset
// when the module is instantiated.
type dataSegment struct {
	offset uint32
	data   []byte
}

// mergeData returns the module with its data segments joined where fewer
// than gap zero bytes separate them. Instantiated, the result has the same
// memory as the module. A module it cannot read, or whose segments it
// cannot rewrite without changing that memory (passive segments, offsets
// that are not constants, overlapping segments), is an error.
func mergeData(mod []byte, gap int) ([]byte, error) {
	if !bytes.HasPrefix(mod, wasmHeader) {
		return nil, errors.New("not a WebAssembly module of version 1")
	}
	out := append([]byte(nil), wasmHeader...)
	merged := -1
	for r := (reader{b: mod, i: len(wasmHeader)}); r.i < len(r.b); {
		id := r.byte()
		size := r.uleb()
		body := r.take(int(size))
		if r.err != nil {
			return nil, r.err
		}
		switch id {
		case sectionData:
			segs, err := readData(body)
			if err != nil {
				return nil, err
			}
			segs, err = joinSegments(segs, gap)
			if err != nil {
				return nil, err
			}
			merged = len(segs)
			body = writeData(segs)
		case sectionDataCount:
			if merged < 0 {
				// The count comes before the data section; it is
				// rewritten once the data section is known.
				return nil, errors.New("a data count section, which mergeData does not rewrite")
			}
		}
		out = append(out, id)
		out = appendULEB(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// readData reads the segments of a data section.
func readData(body []byte) ([]dataSegment, error) {
	r := reader{b: body}
	n := r.uleb()
	segs := make([]dataSegment, 0, min(n, uint64(len(body))))
	for range n {
		if kind := r.uleb(); kind != 0 && r.err == nil {
			return nil, errors.New("a data segment that is not an active segment of memory 0")
		}
		if op := r.byte(); op != 0x41 && r.err == nil { // i32.const
			return nil, errors.New("a data segment whose offset is not a constant")
		}
		off := r.sleb()
		if end := r.byte(); end != 0x0b && r.err == nil {
			return nil, errors.New("a data segment whose offset is not a single constant")
		}
		data := r.take(int(r.uleb()))
		if r.err != nil {
			return nil, r.err
		}
		segs = append(segs, dataSegment{offset: uint32(off), data: data})
	}
	if r.err == nil && r.i != len(body) {
		return nil, errors.New("bytes after the last data segment")
	}
	return segs, r.err
}

// joinSegments sorts the segments by offset and joins those fewer than gap
// bytes apart, writing zeros between them.
func joinSegments(segs []dataSegment, gap int) ([]dataSegment, error) {
	slices.SortStableFunc(segs, func(a, b dataSegment) int { return int(int64(a.offset) - int64(b.offset)) })
	var out []dataSegment
	for _, s := range segs {
		if len(out) == 0 {
			out = append(out, dataSegment{s.offset, append([]byte(nil), s.data...)})
			continue
		}
		last := &out[len(out)-1]
		end := uint64(last.offset) + uint64(len(last.data))
		switch {
		case uint64(s.offset) < end:
			// A later segment overwrites an earlier one: joining would
			// have to keep their order, which sorting lost.
			return nil, errors.New("overlapping data segments")
		case uint64(s.offset)-end <= uint64(gap):
			last.data = append(last.data, make([]byte, uint64(s.offset)-end)...)
			last.data = append(last.data, s.data...)
		default:
			out = append(out, dataSegment{s.offset, append([]byte(nil), s.data...)})
		}
	}
	return out, nil
}

// writeData writes segments as the body of a data section.
func writeData(segs []dataSegment) []byte {
	b := appendULEB(nil, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, 0x41)
		b = appendSLEB(b, int64(int32(s.offset)))
		b = append(b, 0x0b)
		b = appendULEB(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// reader reads the integers and byte strings of the binary format and
// keeps the first error.
type reader struct {
	b   []byte
	i   int
	err error
}

var errShort = errors.New("a section or segment that runs past the end of the module")

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.i >= len(r.b) {
		r.err = errShort
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.i {
		r.err = errShort
		return nil
	}
	r.i += n
	return r.b[r.i-n : r.i]
}

func (r *reader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	if r.err == nil {
		r.err = errors.New("an integer longer than the format allows")
	}
	return 0
}

func (r *reader) sleb() int64 {
	var v int64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		if c < 0x80 {
			if shift+7 < 64 && c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			return v
		}
	}
	if r.err == nil {
		r.err = errors.New("an integer longer than the format allows")
	}
	return 0
}

func appendULEB(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
