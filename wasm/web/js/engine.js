// engine.js starts the Go bridge in a Web Worker made from a blob URL and
// calls its functions: call('score', assessment) resolves to the parsed
// JSON result, or to a Uint8Array for binary results.

import { t } from './i18n.js';

// said words an error of the worker: one of its own (a "worker." key of
// text.json, with vars) in the page's language, any other as it came.
function said(m) {
  return m.vars && String(m.error).startsWith('worker.') ? t(m.error, m.vars) : m.error;
}

// request is the JSON text of a call's argument: an object, or a string
// that already holds JSON.
function request(arg) {
  return typeof arg === 'string' ? arg : JSON.stringify(arg ?? {});
}

// answerKey names the answer of a call, fn + "\n" + the JSON of arg: the
// key of preset answers.
function answerKey(fn, arg) {
  return `${fn}\n${request(arg)}`;
}

// startEngine starts the worker and returns the engine at once: calls
// made before the engine runs wait in the worker, in order. wasm is the
// compressed engine as the page holds it (text, see worker.js) and gzip
// its length in bytes; model is the model's document, which the page
// carries and hands to the engine (it embeds no copy), and info the
// answer of "info" that the page carries with it (see main.js).
// engine.ready settles when the engine runs.
export function startEngine(workerSource, wasm, gzip, model, info) {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const pending = new Map();
  const sent = new Map(); // answerKey → a preset answer
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
    info,
    // calls holds the function, the ms Go took and the ms of the round
    // trip of the first calls, for the page's start-up figures.
    calls: [],
    // call runs a bridge function. arg is an object (sent as JSON) or a
    // string that already holds JSON.
    call(fn, arg) {
      if (dead) return Promise.reject(new Error(dead));
      const id = ++seq;
      const text = request(arg);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, fn, sent: performance.now() });
        worker.postMessage({ type: 'call', id, fn, arg: text });
      });
    },
    // preset makes take(fn, arg) answer value, as the engine would: an
    // answer the page carries (see main.js).
    preset(fn, arg, value) {
      sent.set(answerKey(fn, arg), value);
    },
    // take is call, answered by the preset answer of the same function
    // and argument when there is one not yet taken.
    take(fn, arg) {
      const key = answerKey(fn, arg);
      if (!sent.has(key)) return engine.call(fn, arg);
      const value = sent.get(key);
      sent.delete(key);
      return Promise.resolve(value);
    },
    // has reports whether this build of the bridge offers a function.
    has(fn) {
      return !!engine.info && engine.info.functions.includes(fn);
    },
    onFailure(f) {
      failures.push(f);
    },
  };

  engine.ready = new Promise((resolve, reject) => {
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
          // The worker's clock marks, as ms since the page's navigation.
          engine.phases = { ...m.phases, loaded: m.phases.loaded - performance.timeOrigin, received: m.phases.received - performance.timeOrigin };
          resolve(engine);
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
          if (engine.calls.length < 16) engine.calls.push([p.fn, Math.round(m.ms), Math.round(performance.now() - p.sent)]);
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
    worker.postMessage({ type: 'init', wasm, gzip, model });
    engine.postedAt = performance.now();
  });
  engine.ready.catch(() => {}); // main.js hears of it
  return engine;
}
