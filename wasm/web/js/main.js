// main.js starts the workbook: it checks the browser, starts the engine
// in a Web Worker, opens the local store, restores the last session and
// shows the first screen. When the page is usable it sets
// data-ncskit-ready="true" on <html>; when it cannot start, it sets
// data-ncskit-error and says why in place of the loading message.

import { startEngine } from './engine.js';
import { openStore } from './store.js';
import { app, init, on, go, render, readHash, currentScreen, saveFile, undo, redo, undoHistory, chooseLanguage, followSessionLanguage } from './app.js';
import { placeOf } from './place.js';
import { typingText, onChoose, options } from './dom.js';
import { t, setLanguage, pick, pageLanguages } from './i18n.js';
import { screen as sessions } from './screens/sessions.js';
import { screen as setup } from './screens/setup.js';
import { screen as assess } from './screens/assess.js';
import { screen as results } from './screens/results.js';
import { screen as priorities } from './screens/priorities.js';
import { screen as roles } from './screens/roles.js';
import { screen as draft } from './screens/draft.js';
import { screen as region } from './screens/region.js';

const root = document.documentElement;
const boot = document.getElementById('boot');

function fail(code, message) {
  root.dataset.ncskitError = code;
  boot.textContent = message;
  boot.classList.add('failed');
  boot.hidden = false;
  document.getElementById('app').hidden = true;
}

function supported() {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiateStreaming === 'function' &&
    typeof DecompressionStream === 'function' && typeof Worker === 'function' && typeof Blob === 'function' &&
    typeof structuredClone === 'function';
}

function projector(onOff) {
  root.classList.toggle('projector', onOff);
  const b = document.getElementById('projector');
  b.setAttribute('aria-pressed', String(onOff));
  try {
    localStorage.setItem('ncskit.projector', onOff ? '1' : '');
  } catch (e) {
    // the preference is not worth a warning
  }
}

// languageSwitch fills the switch in the header, once the page's language
// is known: each language named in itself.
function languageSwitch() {
  const sw = document.getElementById('page-lang');
  sw.append(...options(pageLanguages, document.documentElement.lang));
  for (const o of sw.options) o.lang = o.value;
  onChoose(sw, (code) => chooseLanguage(code));
  sw.title = t('select.hint');
}

function shell() {
  const nav = document.getElementById('nav');
  app.screens.forEach((s, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.screen = s.id;
    b.dataset.t = `screen.${s.id}`;
    b.textContent = t(b.dataset.t);
    b.setAttribute('aria-keyshortcuts', `Alt+${i + 1}`);
    b.addEventListener('click', () => go(s.id));
    nav.append(b);
  });
  document.getElementById('save-file').addEventListener('click', () => saveFile());
  document.querySelector('a.skip').addEventListener('click', (e) => {
    e.preventDefault();
    const scr = currentScreen();
    if (!(scr.skip && scr.skip())) document.getElementById('screen').focus();
  });
  document.getElementById('projector').addEventListener('click', () => projector(!root.classList.contains('projector')));
  let pref = false;
  try {
    pref = localStorage.getItem('ncskit.projector') === '1';
  } catch (e) {
    pref = false;
  }
  projector(pref);
  window.addEventListener('hashchange', () => {
    readHash();
    render();
  });
  const undoButton = document.getElementById('undo');
  const redoButton = document.getElementById('redo');
  undoButton.addEventListener('click', () => undo());
  redoButton.addEventListener('click', () => redo());
  on('history', () => {
    const next = undoHistory();
    for (const [b, key, what, keys] of [[undoButton, 'undo', next.undo, 'Ctrl+Z'], [redoButton, 'redo', next.redo, 'Ctrl+Shift+Z']]) {
      b.disabled = !what;
      b.title = what ? t(`${key}.title`, { what, keys }) : t(`${key}.nothing`);
      b.setAttribute('aria-label', what ? t(`${key}.label`, { what }) : t(`${key}.verb`));
    }
  });
  document.addEventListener('keydown', (e) => {
    // Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo; a text field keeps its
    // own undo of what is being typed.
    const k = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (k === 'z' || k === 'y') && !typingText(e.target)) {
      e.preventDefault();
      if (k === 'y' || e.shiftKey) redo();
      else undo();
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && /^[1-9]$/.test(e.key)) {
      const s = app.screens[Number(e.key) - 1];
      if (s && (app.session || !s.needsSession)) {
        e.preventDefault();
        go(s.id);
      }
      return;
    }
    const scr = currentScreen();
    if (scr.onKey) scr.onKey(e);
  });
  on('session', followSessionLanguage);
  on('session', render);
  on('result', () => {
    const scr = currentScreen();
    if (scr.refresh) scr.refresh();
  });
}

async function main() {
  const mainAt = performance.now();
  // Until the stored choice is read, the page speaks the browser's language.
  setLanguage(pick(navigator.languages || [navigator.language]) || 'en');
  if (!supported()) {
    fail('unsupported-browser', t('boot.lacks'));
    return;
  }
  app.screens = [sessions, setup, assess, results, priorities, roles];
  const storing = openStore(); // in parallel with the engine's start
  const wasm = document.getElementById('ncskit-wasm');
  // The answers of the engine's first calls come with the page (see
  // wasm/web/first.go): it opens with them while the engine starts, and
  // the calls it makes meanwhile wait in the worker.
  let engine;
  try {
    const first = JSON.parse(document.getElementById('ncskit-first').textContent);
    const model = document.getElementById('ncskit-model').textContent;
    engine = startEngine(document.getElementById('ncskit-worker').textContent, wasm.textContent, Number(wasm.dataset.gzip), model, first.info);
    engine.preset('model', { lang: 'en' }, JSON.parse(model));
    for (const [lang, v] of Object.entries(first.vocab)) engine.preset('vocab', { lang }, v);
  } catch (e) {
    fail('engine', t('boot.engine', { reason: e.message }));
    return;
  }
  const store = await storing;
  let engineAt;
  engine.ready.then(() => {
    engineAt = performance.now();
    app.stats.startMs = engine.startMs;
    if (app.stats.boot) Object.assign(app.stats.boot, { engine: engineAt, worker: engine.phases, calls: engine.calls.slice() });
    forgetKeptAnswers(store);
  }, (e) => fail('engine', t('boot.engine', { reason: e.message })));
  // A feature shows only when this build of the engine offers it.
  if (engine.has('draft')) app.screens.push(draft);
  if (engine.has('region')) app.screens.push(region);
  shell();
  readHash();
  await init(engine, store);
  languageSwitch();
  const initAt = performance.now();
  if (!location.hash && app.session) app.view.screen = (placeOf(app.session.id) || {}).screen || 'assess';
  boot.hidden = true;
  document.getElementById('app').hidden = false;
  render();
  app.stats.ready = performance.now();
  app.stats.boot = { page: window.ncskitBoot, main: mainAt, posted: engine.postedAt, engine: engineAt, model: app.stats.modelAt, init: initAt, ready: app.stats.ready, worker: engine.phases, calls: engine.calls.slice() };
  window.ncskitStats = app.stats;
  root.dataset.ncskitReady = 'true';
  // Compile the engine's schemas while the facilitator reads the screen,
  // so that the first answer scores at full speed.
  engine.call('validate', '{}').catch(() => {});
}

// forgetKeptAnswers frees the 0.6 MB of the engine's first answers that
// earlier builds of the page kept in the browser's store for their next
// start (store meta "answers"), now that every page carries them.
function forgetKeptAnswers(store) {
  whenIdle(() => store.backend.getMeta('answers').then((k) => k && store.backend.setMeta('answers', null)).catch(() => {}));
}

function whenIdle(f) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f);
  else setTimeout(f, 0);
}

main().catch((e) => fail('start', t('boot.start', { reason: e.message })));
