// worker.js runs the Go bridge in a Web Worker, so that a long export
// never freezes the page. It follows wasm_exec.js in the same blob.
//
// In:  {type: 'init', wasm: the gzip-compressed module as text, 7 bits
//       per character (see wasm/web/text7.go), gzip: its length in bytes}
//      {type: 'call', id, fn, arg}
// Out: {type: 'ready', ms, phases} or {type: 'failed', error}
//      {type: 'result', id, ok, value, ms} or {type: 'result', id, ok: false, error}
//      {type: 'exit', code} when the Go program stops
'use strict';

// decodeText7 turns the page's text back into the n bytes it encodes: an
// ASCII character is 7 bits; a character from U+0100 stands for one of
// the values HTML would change (NUL, CR, "<") followed by 7 more bits.
function decodeText7(s, n) {
  const unsafe = [0x00, 0x0d, 0x3c];
  const out = new Uint8Array(n);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length && o < n; i++) {
    let c = s.charCodeAt(i);
    let second = -1;
    if (c >= 0x80) {
      const x = c - 0x100;
      if (x < 0 || x >= unsafe.length << 7) throw new Error(`the engine's text is damaged at character ${i}`);
      c = unsafe[x >> 7];
      second = x & 0x7f;
    }
    acc = ((acc << 7) | c) & 0x7fff;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = acc >> bits;
    }
    if (second >= 0 && o < n) {
      acc = ((acc << 7) | second) & 0x7fff;
      bits += 7;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = acc >> bits;
      }
    }
  }
  if (o !== n) throw new Error(`the engine's text holds ${o} of its ${n} bytes: the file is damaged`);
  return out;
}

const phases = {};

async function start(text, n) {
  const t0 = performance.now();
  const gz = decodeText7(text, n);
  phases.decode = performance.now() - t0;
  const wasm = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  const response = new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } });
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(response, go.importObject);
  phases.instantiate = performance.now() - t0;
  go.run(instance).then(
    () => postMessage({ type: 'exit', code: go.exitCode ?? 0 }),
    (err) => postMessage({ type: 'exit', code: -1, error: String(err && err.message || err) }));
  phases.run = performance.now() - t0;
  if (typeof self.ncskit !== 'object') throw new Error('the engine started but registered no functions');
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
      postMessage({ type: 'failed', error: message(err) });
    }
    return;
  }
  if (m.type !== 'call') return;
  try {
    const fn = self.ncskit && self.ncskit[m.fn];
    if (typeof fn !== 'function') throw new Error(`the engine has no function ${m.fn}`);
    const t0 = performance.now();
    const value = await fn(m.arg);
    const ms = performance.now() - t0;
    postMessage({ type: 'result', id: m.id, ok: true, value, ms }, value instanceof Uint8Array ? [value.buffer] : []);
  } catch (err) {
    postMessage({ type: 'result', id: m.id, ok: false, error: message(err) });
  }
};
