package wasmbin

import (
	"errors"
	"math"
	"testing"
)

func TestLEB(t *testing.T) {
	for _, v := range []uint64{0, 1, 63, 64, 127, 128, 300, 1 << 32, math.MaxUint64} {
		r := NewReader(AppendULEB(nil, v))
		if got := r.ULEB(); got != v || !r.Done() || r.Err() != nil {
			t.Errorf("ULEB %d read back as %d (%v)", v, got, r.Err())
		}
	}
	for _, v := range []int64{0, 1, -1, 63, 64, -64, -65, 0x7fff_ffff, -0x8000_0000, math.MaxInt64, math.MinInt64} {
		r := NewReader(AppendSLEB(nil, v))
		if got := r.SLEB(); got != v || !r.Done() || r.Err() != nil {
			t.Errorf("SLEB %d read back as %d (%v)", v, got, r.Err())
		}
	}
	// -64 fits one byte (0x40), 64 needs two: the sign bit of the last byte.
	if b := AppendSLEB(nil, -64); len(b) != 1 || b[0] != 0x40 {
		t.Errorf("-64 is written % x", b)
	}
	if b := AppendSLEB(nil, 64); len(b) != 2 {
		t.Errorf("64 is written % x", b)
	}
}

func TestReaderStops(t *testing.T) {
	r := NewReader([]byte{0x80, 0x80}) // an integer cut short
	if v := r.ULEB(); v != 0 || !errors.Is(r.Err(), ErrShort) {
		t.Errorf("ULEB of a cut integer: %d, %v", v, r.Err())
	}
	if r.Byte() != 0 || r.Bytes(0) != nil || r.Name() != "" || !r.Done() {
		t.Error("reads after an error return something")
	}
	long := NewReader([]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01})
	if long.ULEB(); long.Err() == nil {
		t.Error("an 11-byte integer is read")
	}
	r = NewReader([]byte{3, 'a', 'b'})
	if r.Name(); !errors.Is(r.Err(), ErrShort) {
		t.Errorf("a name longer than the input: %v", r.Err())
	}
	r = NewReader([]byte{2, 'o', 'k', 9})
	if name := r.Name(); name != "ok" || r.Done() || r.Byte() != 9 || !r.Done() {
		t.Errorf("name %q, then the byte after it", name)
	}
}

func TestSections(t *testing.T) {
	mod := AppendSection(AppendSection(append([]byte(nil), Header...), SectionCustom, []byte("\x04name")), SectionData, []byte{0})
	var got []byte
	if err := Sections(mod, func(id byte, body []byte) error { got = append(append(got, id), body...); return nil }); err != nil {
		t.Fatal(err)
	}
	if string(got) != "\x00\x04name\x0b\x00" {
		t.Errorf("sections read as %q", got)
	}
	stop := errors.New("stop")
	calls := 0
	if err := Sections(mod, func(byte, []byte) error { calls++; return stop }); err != stop || calls != 1 {
		t.Errorf("fn's error: %v after %d calls", err, calls)
	}
	if err := Sections([]byte("\x00asm\x02\x00\x00\x00"), nil); err == nil {
		t.Error("a module of version 2 is read")
	}
	if err := Sections(mod[:len(mod)-1], func(byte, []byte) error { return nil }); !errors.Is(err, ErrShort) {
		t.Errorf("a cut module: %v", err)
	}
}
