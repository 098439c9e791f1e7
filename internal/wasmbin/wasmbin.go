// Package wasmbin reads and writes the parts of the WebAssembly binary
// format that ncskit's tools need: the sections of a module, and the
// LEB128 integers and byte vectors inside them. The workbook's build
// rewrites the data section with it (wasm/web) and the size report reads
// the code and name sections (internal/wasmsize).
package wasmbin

import (
	"bytes"
	"errors"
)

// Header is the magic number and version of a WebAssembly module.
var Header = []byte("\x00asm\x01\x00\x00\x00")

// Section IDs.
const (
	SectionCustom    = 0
	SectionImport    = 2
	SectionCode      = 10
	SectionData      = 11
	SectionDataCount = 12
)

// ErrShort is the error of a read past the end of what a Reader holds.
var ErrShort = errors.New("a section or vector that runs past the end of the module")

// Sections calls fn with the ID and body of each section of mod, in
// order, and stops at the first error fn returns.
func Sections(mod []byte, fn func(id byte, body []byte) error) error {
	if !bytes.HasPrefix(mod, Header) {
		return errors.New("not a WebAssembly module of version 1")
	}
	r := NewReader(mod[len(Header):])
	for !r.Done() {
		id := r.Byte()
		body := r.Bytes(int(r.ULEB()))
		if r.Err() != nil {
			return r.Err()
		}
		if err := fn(id, body); err != nil {
			return err
		}
	}
	return nil
}

// Reader reads the integers and vectors of the binary format. The first
// error stops it: later reads return zero values, and Err reports it.
type Reader struct {
	b   []byte
	i   int
	err error
}

// NewReader returns a Reader of b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Done reports whether everything has been read, or an error stopped the
// reader.
func (r *Reader) Done() bool { return r.err != nil || r.i >= len(r.b) }

// Err returns the first error.
func (r *Reader) Err() error { return r.err }

// Fail records err unless an error is recorded already.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.err != nil {
		return 0
	}
	if r.i >= len(r.b) {
		r.Fail(ErrShort)
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

// Bytes reads n bytes; the result shares the reader's memory.
func (r *Reader) Bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.i {
		r.Fail(ErrShort)
		return nil
	}
	r.i += n
	return r.b[r.i-n : r.i]
}

// Name reads a name: its length in bytes, then its UTF-8 bytes.
func (r *Reader) Name() string { return string(r.Bytes(int(r.ULEB()))) }

// ULEB reads an unsigned LEB128 integer.
func (r *Reader) ULEB() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.Byte()
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.Fail(errors.New("an integer longer than the format allows"))
	return 0
}

// SLEB reads a signed LEB128 integer.
func (r *Reader) SLEB() int64 {
	var v int64
	for shift := 0; shift < 64; shift += 7 {
		c := r.Byte()
		v |= int64(c&0x7f) << shift
		if c < 0x80 {
			if shift+7 < 64 && c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			return v
		}
	}
	r.Fail(errors.New("an integer longer than the format allows"))
	return 0
}

// AppendSection appends a section of the given ID and body to b.
func AppendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = AppendULEB(b, uint64(len(body)))
	return append(b, body...)
}

// AppendULEB appends v as an unsigned LEB128 integer.
func AppendULEB(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// AppendSLEB appends v as a signed LEB128 integer.
func AppendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
