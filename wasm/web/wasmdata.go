package web

import (
	"errors"
	"slices"

	"github.com/ncskit/ncskit/internal/wasmbin"
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
	out := append([]byte(nil), wasmbin.Header...)
	merged := false
	err := wasmbin.Sections(mod, func(id byte, body []byte) error {
		switch id {
		case wasmbin.SectionData:
			segs, err := readData(body)
			if err != nil {
				return err
			}
			if segs, err = joinSegments(segs, gap); err != nil {
				return err
			}
			body, merged = writeData(segs), true
		case wasmbin.SectionDataCount:
			if !merged {
				// The count comes before the data section and would
				// have to be rewritten once that is known.
				return errors.New("a data count section, which mergeData does not rewrite")
			}
		}
		out = wasmbin.AppendSection(out, id, body)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readData reads the segments of a data section.
func readData(body []byte) ([]dataSegment, error) {
	r := wasmbin.NewReader(body)
	n := r.ULEB()
	segs := make([]dataSegment, 0, min(n, uint64(len(body))))
	for range n {
		if kind := r.ULEB(); kind != 0 && r.Err() == nil {
			return nil, errors.New("a data segment that is not an active segment of memory 0")
		}
		if op := r.Byte(); op != 0x41 && r.Err() == nil { // i32.const
			return nil, errors.New("a data segment whose offset is not a constant")
		}
		off := r.SLEB()
		if end := r.Byte(); end != 0x0b && r.Err() == nil {
			return nil, errors.New("a data segment whose offset is not a single constant")
		}
		data := r.Bytes(int(r.ULEB()))
		if r.Err() != nil {
			return nil, r.Err()
		}
		segs = append(segs, dataSegment{offset: uint32(off), data: data})
	}
	if !r.Done() {
		return nil, errors.New("bytes after the last data segment")
	}
	return segs, nil
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
	b := wasmbin.AppendULEB(nil, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, 0x41)
		b = wasmbin.AppendSLEB(b, int64(int32(s.offset)))
		b = append(b, 0x0b)
		b = wasmbin.AppendULEB(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}
