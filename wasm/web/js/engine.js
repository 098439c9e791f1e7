// engine.js starts the Go bridge in a Web Worker made from a blob URL and
// calls its functions: call('score', assessment) resolves to the parsed
// JSON result, or to a Uint8Array for binary results.

import { t } from './i18n.js';

// said words an error of the worker: one of its own (a "worker." key of
// text.json, with vars) in the page's language, any other as it came.
function said(m) {
  return m.vars && String(m.error).startsWith('worker.') ? t(m.error, m.vars) : m.error;
}

// startEngine starts the worker. wasm is the compressed engine as the
// page holds it (text, see worker.js) and gzip its length in bytes.
export function startEngine(workerSource, wasm, gzip) {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const pending = new Map();
  const failures = [];
  let seq = 0;
  let dead = null;

  const die = (reason) => {
    if (dead) return;
    dead = reason;
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
    for (const f of failures) f(reason);
  };

  const engine = {
    info: null,
    // call runs a bridge function. arg is an object (sent as JSON) or a
    // string that already holds JSON.
    call(fn, arg) {
      if (dead) return Promise.reject(new Error(dead));
      const id = ++seq;
      const text = typeof arg === 'string' ? arg : JSON.stringify(arg ?? {});
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'call', id, fn, arg: text });
      });
    },
    // has reports whether this build of the bridge offers a function.
    has(fn) {
      return !!engine.info && engine.info.functions.includes(fn);
    },
    onFailure(f) {
      failures.push(f);
    },
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(t('engine.slow'))), 60000);
    const started = () => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const reason = t('engine.failed', { reason: e.message || t('engine.unknown') });
      started();
      reject(new Error(reason));
      die(reason);
    };
    worker.onmessage = (e) => {
      const m = e.data;
      switch (m.type) {
        case 'ready':
          started();
          engine.startMs = m.ms;
          engine.phases = m.phases;
          engine.call('info').then((info) => {
            engine.phases.info = engine.lastMs;
            engine.info = info;
            resolve(engine);
          }, reject);
          break;
        case 'failed':
          started();
          reject(new Error(said(m)));
          break;
        case 'exit':
          die(m.error ? t('engine.stopped.because', { reason: m.error }) : t('engine.stopped.short'));
          break;
        case 'result': {
          const p = pending.get(m.id);
          if (!p) break;
          pending.delete(m.id);
          engine.lastMs = m.ms;
          if (!m.ok) {
            p.reject(new Error(said(m)));
          } else if (typeof m.value === 'string') {
            try {
              const t0 = performance.now();
              const v = JSON.parse(m.value);
              engine.lastParseMs = performance.now() - t0;
              p.resolve(v);
            } catch (err) {
              p.reject(new Error(t('engine.bad-json', { reason: err.message })));
            }
          } else {
            p.resolve(m.value);
          }
          break;
        }
      }
    };
    worker.postMessage({ type: 'init', wasm, gzip });
  });
}
