// worker.js runs the Go bridge in a Web Worker, so that a long export
// never freezes the page. It follows wasm_exec.js in the same blob.
//
// In:  {type: 'init', wasm: the gzip-compressed module as the page's text
//       (see decodePayload), gzip: its length in bytes, model: the model's
//       document, which the engine reads from the global ncskitModel}
//      {type: 'call', id, fn, arg}, also before the engine is ready: it
//       waits for the start
// Out: {type: 'ready', ms, phases} or {type: 'failed', error}
//      {type: 'result', id, ok, value, ms} or {type: 'result', id, ok: false, error}
//      {type: 'exit', code} when the Go program stops
'use strict';

// The engine arrives as text: gzip-compressed, written byte for byte in
// the windows-1252 page (see wasm/web/payload.go). decodePayload turns
// the characters back into n bytes with decodeInto (payload.js, which
// comes before this file), a chunk at a time, so that decompression and
// compilation start before the last byte is decoded.

function* decodePayload(s, n, chunk = 1 << 18) {
  let i = 0;
  for (let o = 0; o < n; o += chunk) {
    const out = new Uint8Array(Math.min(chunk, n - o));
    i = decodeInto(s, i, out);
    yield out;
  }
  if (i !== s.length) throw fault('worker.long', { n });
}

// phases are the worker's marks of the start: loaded and received are
// times on the page's clock (ms since epoch, to be taken from the page's
// performance.timeOrigin), the others ms after the init message arrived.
const phases = { loaded: performance.timeOrigin + performance.now() };

async function start(text, n) {
  const t0 = performance.now();
  const chunks = decodePayload(text, n);
  let damage = null;
  const gz = new ReadableStream({
    pull(controller) {
      let next;
      try {
        next = chunks.next();
      } catch (err) {
        damage = err;
        throw err;
      }
      if (next.done) {
        phases.decode = performance.now() - t0;
        controller.close();
      } else {
        controller.enqueue(next.value);
      }
    },
  });
  const wasm = gz.pipeThrough(new DecompressionStream('gzip'));
  const response = new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } });
  const go = new Go();
  let instance;
  try {
    ({ instance } = await WebAssembly.instantiateStreaming(response, go.importObject));
  } catch (err) {
    throw damage || err; // the stream's own error says less
  }
  phases.instantiate = performance.now() - t0;
  go.run(instance).then(
    () => postMessage({ type: 'exit', code: go.exitCode ?? 0 }),
    (err) => postMessage({ type: 'exit', code: -1, error: String(err && err.message || err) }));
  phases.run = performance.now() - t0;
  if (typeof self.ncskit !== 'object') throw fault('worker.empty');
}

function message(err) {
  return String(err && err.message || err);
}

// starting is the engine's start; calls that arrive before the engine
// runs wait for it, in the order they came, so that the page can send
// its first calls with the payload.
let starting = null;

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    const t0 = performance.now();
    phases.received = performance.timeOrigin + t0;
    self.ncskitModel = m.model;
    starting = start(m.wasm, m.gzip);
    try {
      await starting;
      postMessage({ type: 'ready', ms: performance.now() - t0, phases });
    } catch (err) {
      postMessage({ type: 'failed', error: message(err), vars: err && err.vars });
    }
    return;
  }
  if (m.type !== 'call') return;
  try {
    if (starting) await starting.catch(() => {});
    const fn = self.ncskit && self.ncskit[m.fn];
    if (typeof fn !== 'function') throw fault('worker.no-function', { name: m.fn });
    const t0 = performance.now();
    const value = await fn(m.arg);
    const ms = performance.now() - t0;
    postMessage({ type: 'result', id: m.id, ok: true, value, ms }, value instanceof Uint8Array ? [value.buffer] : []);
  } catch (err) {
    postMessage({ type: 'result', id: m.id, ok: false, error: message(err), vars: err && err.vars });
  }
};
