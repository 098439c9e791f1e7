// worker.js runs the Go bridge in a Web Worker, so that a long export
// never freezes the page. It follows wasm_exec.js in the same blob.
//
// In:  {type: 'init', wasm: base64 of the gzip-compressed module}
//      {type: 'call', id, fn, arg}
// Out: {type: 'ready', ms, phases} or {type: 'failed', error}
//      {type: 'result', id, ok, value, ms} or {type: 'result', id, ok: false, error}
//      {type: 'exit', code} when the Go program stops
'use strict';

function decodeBase64(s) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const phases = {};

async function start(b64) {
  const t0 = performance.now();
  const gz = decodeBase64(b64);
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
      await start(m.wasm);
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
