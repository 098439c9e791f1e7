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
// key of early calls and preset answers.
export function answerKey(fn, arg) {
  return `${fn}\n${request(arg)}`;
}

// startEngine starts the worker and returns the engine at once: calls
// made before the engine runs wait in the worker, in order. wasm is the
// compressed engine as the page holds it (text, see worker.js) and gzip
// its length in bytes. engine.ready settles when the engine has
// answered "info", which goes with the payload (engine.info is set then).
export function startEngine(workerSource, wasm, gzip) {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const pending = new Map();
  const sent = new Map(); // answerKey → the promise of an early call, or a preset answer
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

  let infoMs = 0;
  const engine = {
    info: null,
    // calls holds the function, the ms Go took and the ms of the round
    // trip of the first calls, for the page's start-up figures.
    calls: [],
    // answers holds the JSON text of the early calls' answers (see early),
    // by answerKey.
    answers: {},
    // call runs a bridge function. arg is an object (sent as JSON) or a
    // string that already holds JSON.
    call(fn, arg, keep = '') {
      if (dead) return Promise.reject(new Error(dead));
      const id = ++seq;
      const text = request(arg);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, fn, keep, sent: performance.now() });
        worker.postMessage({ type: 'call', id, fn, arg: text });
      });
    },
    // early sends calls, [fn, arg], whose answers take() gives, and keeps
    // their JSON text in answers.
    early(calls) {
      for (const [fn, arg] of calls) {
        const key = answerKey(fn, arg);
        const p = engine.call(fn, arg, key);
        p.catch(() => {}); // a call nobody takes fails quietly
        sent.set(key, p);
      }
    },
    // preset makes take(fn, arg) answer value, as an answer kept from an
    // earlier start of the same engine (see main.js).
    preset(key, value) {
      sent.set(key, Promise.resolve(value));
    },
    // take is call, answered by the early call with the same function
    // and argument when there is one not yet taken.
    take(fn, arg) {
      const key = answerKey(fn, arg);
      const p = sent.get(key);
      if (!p) return engine.call(fn, arg);
      sent.delete(key);
      return p;
    },
    // has reports whether this build of the bridge offers a function.
    has(fn) {
      return !!engine.info && engine.info.functions.includes(fn);
    },
    onFailure(f) {
      failures.push(f);
    },
  };

  // engine.received settles when the worker has the payload: from then
  // on the page's thread is free until the engine is up.
  let received;
  engine.received = new Promise((resolve) => { received = resolve; });
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
        case 'received':
          received();
          break;
        case 'ready':
          started();
          engine.startMs = m.ms;
          // The worker's clock marks, as ms since the page's navigation.
          engine.phases = { ...m.phases, loaded: m.phases.loaded - performance.timeOrigin, received: m.phases.received - performance.timeOrigin };
          engine.take('info').then((info) => {
            engine.phases.info = infoMs;
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
          if (p.keep && m.ok) engine.answers[p.keep] = m.value;
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
    worker.postMessage({ type: 'init', wasm, gzip });
    engine.postedAt = performance.now();
    engine.early([['info']]);
    sent.get(answerKey('info')).then(() => { infoMs = engine.lastMs; }, () => {});
  });
  engine.ready.catch(() => {}); // main.js hears of it
  return engine;
}
