// worker.js runs the Go bridge in a Web Worker, so that a long export
// never freezes the page. It follows wasm_exec.js in the same blob.
//
// In:  {type: 'init', wasm: the gzip-compressed module as the page's text
//       (see decodePayload), gzip: its length in bytes}
//      {type: 'call', id, fn, arg}
// Out: {type: 'ready', ms, phases} or {type: 'failed', error}
//      {type: 'result', id, ok, value, ms} or {type: 'result', id, ok: false, error}
//      {type: 'exit', code} when the Go program stops
'use strict';

// The engine arrives as text: gzip-compressed, written byte for byte in
// the windows-1252 page (see wasm/web/payload.go). decodePayload turns
// the characters back into n bytes, a chunk at a time, so that
// decompression and compilation start before the last byte is decoded.
const cp1252 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];

const fromCp1252 = new Uint8Array(0x2200); // character → byte, for those of bytes 0x80-0x9F
cp1252.forEach((c, i) => { fromCp1252[c] = 0x80 + i; });

// fault is an error the page words in its language: message is the key
// of its text in text.json (a "worker." key) and vars fill it.
function fault(key, vars = {}) {
  const err = new Error(key);
  err.vars = vars;
  return err;
}

// decodeInto fills out from s starting at character i, and returns the
// index of the character that follows: a plain loop, which the engine
// compiles to fast code (a generator's own loop runs several times slower).
function decodeInto(s, i, out) {
  for (let k = 0; k < out.length; k++) {
    if (i >= s.length) throw fault('worker.early');
    let c = s.charCodeAt(i++);
    if (c === 0x3d) {
      const e = s.charCodeAt(i++);
      c = e === 0x30 ? 0x00 : e === 0x72 ? 0x0d : e === 0x6c ? 0x3c : e === 0x3d ? 0x3d : -1;
      if (c < 0) throw fault('worker.escape', { at: i - 1 });
    } else if (c >= 0x80 && (c < 0xa0 || c >= 0x100)) {
      const b = c < fromCp1252.length ? fromCp1252[c] : 0;
      if (b === 0) throw fault('worker.char', { at: i - 1 });
      c = b;
    }
    out[k] = c;
  }
  return i;
}

function* decodePayload(s, n, chunk = 1 << 18) {
  let i = 0;
  for (let o = 0; o < n; o += chunk) {
    const out = new Uint8Array(Math.min(chunk, n - o));
    i = decodeInto(s, i, out);
    yield out;
  }
  if (i !== s.length) throw fault('worker.long', { n });
}

const phases = {};

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

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    const t0 = performance.now();
    try {
      await start(m.wasm, m.gzip);
      postMessage({ type: 'ready', ms: performance.now() - t0, phases });
    } catch (err) {
      postMessage({ type: 'failed', error: message(err), vars: err && err.vars });
    }
    return;
  }
  if (m.type !== 'call') return;
  try {
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
