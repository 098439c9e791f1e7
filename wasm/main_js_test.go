//go:build js && wasm

package main

import (
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall/js"
	"testing"
	"time"
)

// await calls ncskit.name(args...) through JavaScript and waits for the
// promise. ok is false when it was rejected; then value is the message.
func await(t *testing.T, name string, args ...any) (value js.Value, ok bool) {
	t.Helper()
	type settled struct {
		v  js.Value
		ok bool
	}
	ch := make(chan settled, 1)
	then := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- settled{a[0], true}; return nil })
	catch := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- settled{a[0].Get("message"), false}; return nil })
	defer then.Release()
	defer catch.Release()
	p := js.Global().Get("ncskit").Call(name, args...)
	if p.Type() != js.TypeObject || p.Get("then").Type() != js.TypeFunction {
		t.Fatalf("ncskit.%s did not return a promise", name)
	}
	p.Call("then", then, catch)
	select {
	case s := <-ch:
		return s.v, s.ok
	case <-time.After(20 * time.Second):
		t.Fatalf("ncskit.%s: the promise never settled", name)
	}
	return js.Undefined(), false
}

func TestBridge(t *testing.T) {
	saved := functions
	t.Cleanup(func() { functions = saved; register(js.Global()) })
	functions = append(slices.Clone(functions),
		function{name: "boom", run: func([]byte) ([]byte, error) { panic("kaboom") }},
		function{name: "bytes", binary: true, run: func(req []byte) ([]byte, error) { return append([]byte{0, 1}, req...), nil }},
	)
	register(js.Global())

	v, ok := await(t, "info", "{}")
	if !ok || v.Type() != js.TypeString || !strings.Contains(v.String(), `"functions":["info","model","validate","score","rescore","live","preview","draft","questionnaire","import","migrate","region","regionReport","progress","vocab"]`) {
		t.Errorf("info: %v %v", ok, v)
	}
	data := string(readExample(t, "small-island.json"))
	v, ok = await(t, "score", data)
	if !ok || !strings.HasPrefix(v.String(), `{"kind":"assessment","problems":[],"result":{"model":`) {
		t.Errorf("score: %v %.80s", ok, v)
	}
	// A Uint8Array request is read as bytes too.
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, []byte(data))
	v, ok = await(t, "validate", arr)
	if !ok || v.String() != `{"valid":true,"kind":"assessment","problems":[]}` {
		t.Errorf("validate(Uint8Array): %v %v", ok, v)
	}
	// The binary functions resolve to Uint8Arrays: a zip (XLSX) and a PDF.
	v, ok = await(t, "questionnaire", `{"lang":"es"}`)
	if !ok || !v.InstanceOf(js.Global().Get("Uint8Array")) || v.Length() < 10000 || v.Index(0).Int() != 'P' || v.Index(1).Int() != 'K' {
		t.Errorf("questionnaire: %v %v", ok, v)
	}
	v, ok = await(t, "draft", `{"format":"pdf","assessment":`+data+`}`)
	if !ok || !v.InstanceOf(js.Global().Get("Uint8Array")) || v.Length() < 10000 || v.Index(0).Int() != '%' || v.Index(1).Int() != 'P' {
		t.Errorf("draft: %v %v", ok, v)
	}
	v, ok = await(t, "draft", `{"format":"pdf"}`)
	if ok || v.String() != "draft: give either an assessment or a session, not both or neither" {
		t.Errorf("draft without an assessment: %v %v", ok, v)
	}
	v, ok = await(t, "bytes", "ab")
	if !ok || !v.InstanceOf(js.Global().Get("Uint8Array")) || v.Length() != 4 || v.Index(3).Int() != 'b' {
		t.Errorf("bytes: %v %v", ok, v)
	}
	for _, tc := range []struct {
		name string
		args []any
		want string
	}{
		{"boom", nil, "internal error in ncskit.boom: kaboom at "},
		{"model", []any{`{"lang":1}`}, "model: the request is not the expected JSON: "},
		{"score", []any{42}, "ncskit.score takes a JSON string, not a number: use JSON.stringify"},
		{"score", []any{"{}", "{}"}, "ncskit.score takes one argument (a JSON string), not 2"},
	} {
		v, ok := await(t, tc.name, tc.args...)
		if ok || !strings.HasPrefix(v.String(), tc.want) {
			t.Errorf("%s%v: ok=%v %q, want rejected with %q", tc.name, tc.args, ok, v, tc.want)
		}
	}
	// The bridge still answers after a panic.
	if _, ok := await(t, "info"); !ok {
		t.Error("info after a panic failed")
	}
}

// TestDeferFirstCollection: the heap may grow to four times the usual
// goal until the first collection, and the usual pace comes back after it.
func TestDeferFirstCollection(t *testing.T) {
	percent := func() int {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	deferFirstCollection()
	if p := percent(); p != 400 {
		t.Fatalf("before the first collection GOGC is %d, want 400", p)
	}
	for i := 0; i < 100 && percent() != 100; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs in its own goroutine
	}
	if p := percent(); p != 100 {
		t.Errorf("after a collection GOGC is %d, want 100 again", p)
	}
}
