//go:build js && wasm

package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"syscall/js"
)

func main() {
	deferFirstCollection()
	register(js.Global())
	select {} // serve calls until the worker is terminated
}

// deferFirstCollection lets the heap grow to 16 MB, not the runtime's
// first goal of 4 MB, before the first garbage collection, and restores
// the usual pace once that collection is done. The packages' start-up
// (the dependencies' tables) leaves the heap near 4 MB, so without it the
// first call of the page paid for a collection, some hundred
// milliseconds in the browser; with it the first collection comes with
// the first real work (scoring, an export), and later ones as before.
func deferFirstCollection() {
	old := debug.SetGCPercent(400)
	runtime.SetFinalizer(&firstCollection{}, func(*firstCollection) { debug.SetGCPercent(old) })
}

// firstCollection is an object that only the first collection finds
// unreachable. It holds a pointer so that the runtime allocates it on its
// own, not in a block shared with other small objects.
type firstCollection struct {
	_ *byte
	_ [16]byte
}

// register sets the global object ncskit with one promise-returning
// function per entry of the functions table.
func register(global js.Value) {
	obj := global.Get("Object").New()
	for _, f := range functions {
		obj.Set(f.name, js.FuncOf(bridge(f)))
	}
	global.Set("ncskit", obj)
}

// bridge wraps a function as a JavaScript function that takes one string
// (JSON) or Uint8Array and returns a Promise. The work runs in its own
// goroutine, so the JavaScript event loop is free while Go runs.
func bridge(f function) func(this js.Value, args []js.Value) any {
	return func(this js.Value, args []js.Value) any {
		req, argErr := requestBytes(f.name, args)
		var executor js.Func
		executor = js.FuncOf(func(_ js.Value, pa []js.Value) any {
			resolve, reject := pa[0], pa[1]
			if argErr != nil {
				reject.Invoke(jsError(argErr.Error()))
				return nil
			}
			go func() {
				defer func() {
					if r := recover(); r != nil {
						reject.Invoke(jsError(fmt.Sprintf("internal error in ncskit.%s: %v; the session is safe: save the session file and report this message", f.name, r)))
					}
				}()
				out, err := handle(f.name, req)
				if err != nil {
					reject.Invoke(jsError(err.Error()))
					return
				}
				if f.binary {
					arr := js.Global().Get("Uint8Array").New(len(out))
					js.CopyBytesToJS(arr, out)
					resolve.Invoke(arr)
					return
				}
				resolve.Invoke(string(out))
			}()
			return nil
		})
		// The Promise constructor calls the executor at once.
		p := js.Global().Get("Promise").New(executor)
		executor.Release()
		return p
	}
}

// requestBytes reads the single argument: a string of JSON or a
// Uint8Array. No argument means an empty request (the defaults).
func requestBytes(name string, args []js.Value) ([]byte, error) {
	if len(args) == 0 || args[0].IsUndefined() || args[0].IsNull() {
		return nil, nil
	}
	if len(args) > 1 {
		return nil, fmt.Errorf("ncskit.%s takes one argument (a JSON string), not %d", name, len(args))
	}
	a := args[0]
	switch {
	case a.Type() == js.TypeString:
		return []byte(a.String()), nil
	case a.InstanceOf(js.Global().Get("Uint8Array")):
		b := make([]byte, a.Length())
		js.CopyBytesToGo(b, a)
		return b, nil
	}
	return nil, fmt.Errorf("ncskit.%s takes a JSON string, not a %s: use JSON.stringify", name, a.Type())
}

func jsError(msg string) js.Value {
	return js.Global().Get("Error").New(msg)
}
