// app.js is the workbook's state: the engine, the store, the model, the
// open session and its latest score. Every change goes through change():
// it edits the assessment, appends to the change log, keeps the change in
// a journal, rescores, and saves once the new score is on screen; the
// screens redraw from the new result.
//
// Several windows of the workbook may hold the same session. The one in
// use saves; after each write it tells the others (windows.js), which
// read the session again and redraw. Two windows that change the session
// at the same moment never overwrite each other: the store refuses a
// write based on an older revision, and the window that lost the race
// reads the other's session and puts its own changes on top, answer by
// answer (patch.js).

import { fill, h, announce, toast, dropToast } from './dom.js';
import { indexModel } from './model.js';
import { record, newSession, wrap, snapshot as takeSnapshot, restore as restoreSnapshot, fileName } from './session.js';
import { degrade, ConflictError } from './store.js';
import { download, size } from './files.js';
import { capture, merge, diff, apply, applies, pointed } from './patch.js';
import { listen as listenToWindows, tellSaved } from './windows.js';
import { measure, sessionText, warning as sizeWarning } from './limits.js';
import { placeOf, rememberPlace, forgetPlace } from './place.js';
import { t, tn, setLanguage, language, supported, pick, pageLanguages, locale } from './i18n.js';

export const app = {
  engine: null,
  store: null,
  model: null,
  info: null,
  session: null,
  // rev is the stored revision the open session is based on: what this
  // window last read or wrote.
  rev: null,
  result: null,
  // resultPlan says that the result's warnings include the plan's (a
  // deadline it cannot meet): the engine adds them only for the Results
  // screen, which alone shows them, since they take longer than scoring.
  resultPlan: false,
  resultVersion: 0, // the version of the change the result is of
  problems: [],
  view: { screen: 'sessions', indicator: '', respondent: '' },
  screens: [],
  // Timings in milliseconds, for the tests' report: when the first screen
  // was usable, and for each change the time to rescore and redraw, and
  // the part of it spent in the engine.
  // parts: per change, ms of [the change (copy, diff, log, store), the
  // request's JSON, the engine's round trip, the engine's own time, the
  // reply's JSON, the redraw] (partNames).
  // merged counts the engine's answers that came as what changed.
  stats: { ready: 0, startMs: 0, rescore: [], engine: [], merged: 0, partNames: 'change json trip engine parse redraw' },
  // bytes is the size of the session file, measured a moment after the
  // last change.
  bytes: 0,
};

const listeners = { result: [], session: [], history: [] };

export function on(event, fn) {
  listeners[event].push(fn);
}

function emit(event) {
  for (const fn of listeners[event]) fn();
}

// limits are the limits of the file formats, as the engine states them
// (info.limits): text inputs stop typing at them, so that the checks never
// find a text too long.
export function limits() {
  return app.info.limits;
}

// lang is the language the page shows the model in: the page's.
export function lang() {
  return language();
}

// sessionLang is the open session's language (that of its drafts and
// questionnaires unless the facilitator chooses another).
export function sessionLang() {
  return (app.session && app.session.assessment.session.language) || 'en';
}

const vocabs = {};

// vocab returns the lists of values the page offers (templates, framings,
// regions, languages, kinds of contact, methods), from the engine, named
// in the page's language: [{id, name, about}].
export function vocab() {
  return vocabs[language()] || vocabs.en;
}

// named returns the name of value id of a vocab list, or id itself.
export function named(list, id) {
  const v = vocab()[list].find((x) => x.id === id);
  return v ? v.name : id;
}

// pairs returns a vocab list as [id, name] pairs for options().
export function pairs(list) {
  return vocab()[list].map((x) => [x.id, x.name]);
}

// chosenLanguage is the page language the facilitator chose with the
// switch, kept with the sessions (store meta "lang"); '' when none was.
let chosenLanguage = '';

// pageLanguage is the language the page should speak now: the one
// chosen, else the open session's, else the browser's, else English.
function pageLanguage() {
  if (supported(chosenLanguage)) return chosenLanguage;
  const s = app.session && app.session.assessment.session.language;
  return pick([s]) || pick(navigator.languages || [navigator.language]) || 'en';
}

// rewarn writes the banners again in the page's language.
function rewarn() {
  for (const [key, message] of banners) {
    const el = document.querySelector(`#warnings [data-key="${key}"]`);
    if (el) el.textContent = message();
  }
}

function applyLanguage() {
  setLanguage(pageLanguage());
  rewarn();
  const sw = document.getElementById('page-lang');
  if (sw) {
    sw.value = language();
    sw.dispatchEvent(new Event('ncskit-set'));
    sw.title = t('select.hint');
  }
  if (app.store) status(...lastStatus);
  emit('history');
}

// followSessionLanguage shows the page in the open session's language
// when the facilitator has not chosen one.
export function followSessionLanguage() {
  if (!supported(chosenLanguage)) applyLanguage();
}

// chooseLanguage switches the page to lang, remembers the choice and
// redraws the screen. What is being typed is committed first, so that
// nothing entered is lost; the session's own language does not change.
export async function chooseLanguage(code) {
  if (!supported(code)) return;
  commitTyping();
  chosenLanguage = code;
  applyLanguage();
  if (app.store) await app.store.backend.setMeta('lang', code).catch(() => {});
  const el = document.activeElement;
  const kept = typed();
  render();
  for (const [id, v] of kept) {
    const again = document.getElementById(id);
    if (!again) continue;
    if (again.type === 'checkbox') again.checked = v;
    else again.value = v;
  }
  if (el && el.id && document.getElementById(el.id)) document.getElementById(el.id).focus({ preventScroll: true });
  announce(t('lang.switched'));
  // The engine writes the warnings and the priorities' reasons again in
  // the new language.
  rescore(performance.now(), []);
}

// typed lists what the facilitator has put in the screen's fields and not
// yet added or saved (a name in an "Add" form): [id, value or checked].
function typed() {
  const out = [];
  for (const el of document.querySelectorAll('#screen input[id], #screen textarea[id]')) {
    if (el.type === 'checkbox') {
      if (el.checked !== el.defaultChecked) out.push([el.id, el.checked]);
    } else if (el.type !== 'file' && el.value !== el.defaultValue) {
      out.push([el.id, el.value]);
    }
  }
  return out;
}

// commitTyping turns text typed but not yet committed into a change.
export function commitTyping() {
  if (typing && document.contains(typing)) typing.dispatchEvent(new Event('change', { bubbles: true }));
  typing = null;
}

export async function init(engine, store) {
  app.engine = engine;
  app.store = store;
  app.info = engine.info;
  const [model, id, chosen] = await Promise.all([
    engine.take('model', { lang: 'en' }),
    store.backend.getMeta('current').catch(() => undefined),
    store.backend.getMeta('lang').catch(() => undefined),
  ]);
  chosenLanguage = supported(chosen) ? chosen : '';
  // The names of the values the page offers, in each of its languages.
  if (engine.has('vocab')) {
    const all = await Promise.all(pageLanguages.map(([code]) => engine.take('vocab', { lang: code })));
    for (const v of all) vocabs[v.lang] = v;
  }
  applyLanguage();
  app.stats.modelAt = performance.now();
  app.model = indexModel(model);
  engine.onFailure((reason) => warn('engine', () => t('engine.stopped', { reason })));
  if (store.warning) warn('storage', () => t(store.warning));
  listenToWindows(follow);
  trackTyping();
  showVersions();
  // A window put behind another, or closed, writes what waits at once.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) saveNow();
  });
  addEventListener('pagehide', () => saveNow());
  // A reload shows the session this window had open (kept for the tab in
  // sessionStorage); a new window the one opened last in any window.
  let got = {};
  for (const want of [tabSession(), id]) {
    if (!want) continue;
    got = await store.backend.load(want).catch(() => ({}));
    if (got.session) break;
  }
  // A link with a place in it (#assess?i=...&r=...) wins over the place
  // remembered for the session.
  if (got.session) await setSession(got.session, { rev: got.rev, stored: true, here: /[?&][ir]=/.test(location.hash) });
}

function tabSession(id) {
  try {
    if (id === undefined) return sessionStorage.getItem('ncskit.session');
    if (id) sessionStorage.setItem('ncskit.session', id);
    else sessionStorage.removeItem('ncskit.session');
  } catch (e) {
    // without sessionStorage a reload opens the session opened last
  }
  return null;
}

// warn shows a banner at the top of the page that stays until the reason
// is gone, and a new or changed warning also in the message region at
// the bottom of the window, which is in view whatever the scroll. message
// is a function that writes it in the page's language, called again when
// the language changes (a string stays as it is).
const banners = new Map();
export function warn(key, message) {
  if (typeof message === 'function') {
    banners.set(key, message);
    message = message();
  } else {
    banners.delete(key);
  }
  const box = document.getElementById('warnings');
  let el = box.querySelector(`[data-key="${key}"]`);
  if (!message) {
    if (el) el.remove();
    dropToast(key);
    return;
  }
  if (!el) {
    el = h('div', { class: 'banner', dataset: { key } });
    box.append(el);
  }
  if (el.textContent !== message) toast(message, { alert: true, key });
  el.textContent = message;
}

// setSession makes s the open session, remembers it and scores it. A
// session read from the store comes with its revision (rev) and stored:
// true; any other is written at once. The indicator and respondent shown
// are the ones last shown in this session (here: true keeps the current
// ones).
export async function setSession(s, { rev = null, stored = false, here = false } = {}) {
  // The session open until now is written first, with its last changes.
  if (saveWanted) await saveNow();
  if (!here) {
    const p = placeOf(s.id) || {};
    app.view.indicator = p.indicator || '';
    app.view.respondent = p.respondent || '';
  }
  if (stored && replay(s, rev)) stored = false;
  app.session = s;
  app.rev = rev;
  newVersion(stored);
  base = capture(s);
  unlogged = null;
  app.bytes = 0;
  warn('size', null);
  undoStack.length = 0;
  redoStack.length = 0;
  emit('history');
  app.result = null;
  app.problems = [];
  const a = s.assessment;
  if (app.view.respondent !== 'consensus' && !a.respondents.some((r) => r.id === app.view.respondent)) {
    app.view.respondent = a.respondents.length ? a.respondents[0].id : 'consensus';
  }
  if (!app.model.indicator(app.view.indicator)) app.view.indicator = app.model.indicators[0].id;
  if (!stored) await save();
  else status('saved.browser', false);
  await app.store.backend.setMeta('current', s.id).catch(() => {});
  tabSession(s.id);
  emit('session');
  rescore();
}

export async function startSession(options) {
  const s = newSession({ ...options, model: app.model.raw, schemaVersion: app.info.schemaVersion });
  await setSession(s);
  return s;
}

// openFile validates a file's text with the engine and opens it as a
// session. It returns the problems, and changes nothing when there are any.
export async function openFile(name, textContent) {
  const v = await app.engine.call('validate', textContent);
  if (!v.valid) return v.problems;
  let s = JSON.parse(textContent);
  let rev = null;
  if (v.kind === 'assessment') {
    s = wrap(s, name);
  } else {
    await saveNow();
    const local = await app.store.backend.load(s.id).catch(() => ({}));
    if (local.session && JSON.stringify(local.session) !== JSON.stringify(s)) {
      // Never overwrite local work: the file becomes a session of its own.
      s.id = `${s.id}-file-${Date.now().toString(36)}`;
      s.name = t('session.from-file', { name: s.name });
    } else if (local.session) {
      rev = local.rev;
    }
    record(s, { what: 'session', note: t('note.opened-session', { name }) });
  }
  await setSession(s, { rev });
  return [];
}

let saving = null;
let saveAgain = false;
let force = false; // write without the revision check (a new backend, a session deleted elsewhere)
let base = null; // capture (patch.js) of the session as this window last read or wrote it
let edits = 0; // changes made in this window, to see one made during a read

// The open session's versions in this window: version goes up with each
// change made here, each session opened and each session read again
// after another window's write; scoredVersion is the version the result
// shown was scored from, and writtenVersion the one the store holds. The
// page shows them on <html> (data-ncskit-version, -scored-version,
// -written-version) and in app.stats, so that a test can wait for the
// score or the write of a change before it reads them.
let version = 0;
let scoredVersion = 0;
let writtenVersion = 0;

// newVersion numbers a new state of the open session; stored says that
// the store holds it already (a session as read from the store).
function newVersion(stored) {
  version++;
  if (stored) writtenVersion = version;
  showVersions();
}

function showVersions() {
  const d = document.documentElement.dataset;
  d.ncskitVersion = String(version);
  d.ncskitScoredVersion = String(scoredVersion);
  d.ncskitWrittenVersion = String(writtenVersion);
  Object.assign(app.stats, { version, scoredVersion, writtenVersion });
}
let followLater = null; // news from another window that came during a write

function newRev() {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 0x100000000).toString(36)}`;
}

// A change that the journal keeps is written after the frame that shows
// its score: the key's own task only edits the session, journals the
// change and asks the engine, and the store's copies of the session
// (tens of milliseconds in a long workshop) wait until the mark, the
// spread and the cue are painted. Changes made meanwhile go into the same
// write. saveWanted says that such a write is to come; saveTimer makes it
// come a moment after the change however slow the score.
let saveWanted = false;
let saveTimer = 0;
const saveWithin = 200; // ms

// saveSoon has the open session written after the frame that shows the
// score of its last change (saveAfterFrame), or within saveWithin.
function saveSoon() {
  saveWanted = true;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, saveWithin);
}

// saveAfterFrame starts the write to come in the task after the next
// frame; rescore calls it once the latest score is drawn. A hidden page
// draws no frames, so there it starts in the next task.
function saveAfterFrame() {
  if (!saveWanted) return;
  const later = () => setTimeout(saveNow, 0);
  if (document.hidden) later();
  else requestAnimationFrame(later);
}

// saveNow starts the write to come at once, and returns the write in
// progress, if any: what reads the store (the list of sessions) awaits it
// to find the open session as it is.
export function saveNow() {
  if (saveWanted) return save();
  return saving || Promise.resolve();
}

// save writes the open session to the store, one write at a time; a
// change made during a write is written right after it. A write that
// another window's write came before is merged with it (reconcile) and
// written again.
export async function save() {
  if (!app.session) return;
  if (saving) {
    saveAgain = true;
    return saving;
  }
  saving = (async () => {
    do {
      saveAgain = false;
      saveWanted = false;
      clearTimeout(saveTimer);
      const s = app.session;
      if (!s) break;
      const v = version;
      const sent = capture(s);
      latest = { capture: sent, session: s, edits, logLength: s.log.length };
      const rev = newRev();
      const journaled = writing(s, rev);
      try {
        // put copies the session before it returns, so later changes wait
        // for the next write.
        await app.store.backend.put(s, force ? undefined : app.rev, rev);
        if (force && app.rev === null) {
          // Stored again after a deletion elsewhere: it is the session to open next time.
          await app.store.backend.setMeta('current', s.id).catch(() => {});
        }
        force = false;
        if (app.session === s) {
          app.rev = rev;
          base = sent;
          writtenVersion = Math.max(writtenVersion, v);
          showVersions();
        }
        written(s, journaled, rev);
        tellSaved({ id: s.id, rev });
        status('saved.browser.at', app.store.kind === 'memory', { time: clock() });
      } catch (e) {
        if (e instanceof ConflictError) {
          await reconcile(s);
        } else if (degrade(app.store)) {
          warn('storage', () => t(app.store.warning));
          force = true;
          saveAgain = true;
        } else {
          status('saved.not', true);
        }
      }
    } while (saveAgain);
  })();
  try {
    await saving;
  } finally {
    saving = null;
  }
  if (followLater) {
    const news = followLater;
    followLater = null;
    follow(news);
  }
}

// The journal keeps, in localStorage, the logged changes that the store
// may not hold yet: a write to IndexedDB that a reload interrupts is lost,
// while localStorage is written before the key's task ends. It holds the
// revision the changes apply to (what this window last read or wrote),
// for each change its patches and log entries, and, while a write is
// under way, its revision and how many of the changes it holds (writing:
// {rev, n}). A finished write takes the changes it held out of it. A
// session read from the store at the journal's revision gets all of its
// changes back (replay); one read at the revision of the write under way
// (which reached the store before the page heard of it) gets those that
// came after that write. Changes of snapshots are too large for it: one
// drops the journal until the next write.
const JOURNAL = 'ncskit.journal.';

const journals = new Map(); // session id → {rev, changes, writing} or {broken: true}

// journal keeps a logged change of s, and reports whether a reload keeps
// it before the store's write does.
function journal(s, patches, made) {
  if (app.store.kind !== 'indexeddb' || !patches.length) return false;
  let j = journals.get(s.id);
  if (!j) {
    j = { rev: app.rev, changes: [] };
    journals.set(s.id, j);
  }
  if (j.broken || patches.some((p) => p.unit.startsWith('snapshot/'))) {
    j.broken = true;
    keepJournal(s.id, null);
    return false;
  }
  j.changes.push({ patches, log: made });
  return keepJournal(s.id, j);
}

// writing notes in s's journal that a write of revision rev starts, and
// returns how many of the journal's changes it holds.
function writing(s, rev) {
  const j = journals.get(s.id);
  if (!j) return 0;
  if (!j.broken && j.changes.length) {
    j.writing = { rev, n: j.changes.length };
    keepJournal(s.id, j);
  }
  return j.changes.length;
}

// written takes the first n changes out of s's journal after a write of
// revision rev that held them.
function written(s, n, rev) {
  const j = journals.get(s.id);
  if (!j) return;
  if (j.broken) {
    if (j.changes.length <= n) journals.delete(s.id);
    keepJournal(s.id, null);
    return;
  }
  j.changes.splice(0, n);
  j.rev = rev;
  delete j.writing;
  if (!j.changes.length) journals.delete(s.id);
  keepJournal(s.id, j.changes.length ? j : null);
}

// rebaseJournal makes the changes of session id's journal apply to
// revision rev, the other window's write that this window's session was
// merged with, their log entries numbered shift further on, after that
// window's, as merge numbers them: until the merged session is written, a
// reload reads rev from the store and gets them back (replay), as the
// merge would.
function rebaseJournal(id, rev, shift) {
  const j = journals.get(id);
  if (!j || j.broken) return;
  j.rev = rev;
  delete j.writing;
  for (const c of j.changes) c.log = c.log.map((e) => ({ ...e, seq: e.seq + shift }));
  keepJournal(id, j.changes.length ? j : null);
}

// keepJournal writes journal j of session id to localStorage (null:
// removes it), and reports whether it could.
function keepJournal(id, j) {
  try {
    if (j) localStorage.setItem(JOURNAL + id, JSON.stringify({ rev: j.rev, changes: j.changes, writing: j.writing }));
    else localStorage.removeItem(JOURNAL + id);
    return true;
  } catch {
    // No localStorage: the store's write is all there is.
    return false;
  }
}

// forgetJournal drops the journal of session id.
function forgetJournal(id) {
  journals.delete(id);
  keepJournal(id, null);
}

// replay applies to s, read from the store at revision rev, the changes
// its journal kept that the store lacks, and reports whether there were
// any. They stay in the journal, now of revision rev, until they are
// written.
function replay(s, rev) {
  let j = null;
  try {
    j = JSON.parse(localStorage.getItem(JOURNAL + s.id) || 'null');
  } catch {
    return false;
  }
  journals.delete(s.id);
  let from = -1;
  if (j && Array.isArray(j.changes)) {
    if (j.rev === rev) from = 0;
    else if (j.writing && j.writing.rev === rev) from = j.writing.n;
  }
  const seen = new Set(s.log.map((e) => e.seq));
  const missing = from < 0 ? [] : j.changes.slice(from).filter((c) => !c.log.some((e) => seen.has(e.seq)));
  if (!missing.length) {
    keepJournal(s.id, null);
    return false;
  }
  for (const c of missing) {
    apply(s, c.patches);
    s.log.push(...c.log);
  }
  const kept = { rev, changes: missing };
  journals.set(s.id, kept);
  keepJournal(s.id, kept);
  return true;
}

// reconcile handles a write refused because another window saved the
// session first: it reads that window's session, puts this window's
// changes since base on top of it and has the result written.
async function reconcile(s) {
  const got = await app.store.backend.load(s.id);
  if (app.session !== s) {
    saveAgain = true;
    return;
  }
  if (!got.session) {
    // Deleted in another window: this window's copy is all there is.
    app.rev = null;
    force = true;
    saveAgain = true;
    notice(t('windows.deleted.saved'));
    return;
  }
  const shift = got.session.log.length - base.logLength; // how far merge moves this window's log entries
  const theirs = capture(got.session);
  const merged = merge(got.session, base, s).session;
  app.session = merged;
  app.rev = got.rev;
  rebaseJournal(s.id, got.rev, shift);
  base = theirs;
  newVersion(false);
  unlogged = null;
  saveAgain = true;
  notice(t('windows.merged'));
  redrawKeepingFocus();
  rescore();
}

// follow reads the session again when another window has saved it, so
// that this window's next change starts from what that window wrote.
async function follow(news) {
  if (!app.session || !news || news.id !== app.session.id) return;
  if (news.deleted) {
    // Keep the session open here: nothing this window shows is lost.
    app.rev = null;
    force = true;
    toast(t('windows.deleted.open'), { alert: true });
    return;
  }
  if (news.rev === app.rev) return;
  if (typing && document.contains(typing)) {
    // Keep what is being typed: it becomes a change, merged on write.
    typing.dispatchEvent(new Event('change', { bubbles: true }));
  }
  if (saving || saveWanted) {
    followLater = news;
    return;
  }
  const n = edits;
  const got = await app.store.backend.load(news.id).catch(() => ({}));
  if (!got.session || !app.session || app.session.id !== news.id || got.rev === app.rev) return;
  if (edits !== n || saving || saveWanted) {
    // A change came meanwhile; its write meets the other window's and merges.
    followLater = news;
    return;
  }
  app.session = got.session;
  app.rev = got.rev;
  base = capture(got.session);
  newVersion(true);
  unlogged = null;
  status('windows.updated', false);
  redrawKeepingFocus();
  rescore();
}

// typing is the text field with typed text not yet committed (its change
// event has not fired).
let typing = null;

function trackTyping() {
  document.addEventListener('input', (e) => {
    if (e.target.matches && e.target.matches('input[type=text], input:not([type]), input[type=number], textarea')) typing = e.target;
  });
  document.addEventListener('change', (e) => {
    if (e.target === typing) typing = null;
  });
}

function redrawKeepingFocus() {
  const el = document.activeElement;
  const id = el && el !== document.body ? el.id : '';
  emit('session');
  const again = id && document.getElementById(id);
  if (again && again !== document.activeElement) again.focus({ preventScroll: true });
}

// notice tells the facilitator something that needs no action, where
// they look: in the message region at the bottom of the window.
function notice(message) {
  toast(message);
  announce(message);
}

// lastStatus is what status said last, to say it again in another language.
let lastStatus = ['', false];

// status shows how the session is saved: key is a key of text.json, vars
// fill it.
function status(key, bad, vars) {
  lastStatus = [key, bad, vars];
  const el = document.getElementById('save-status');
  if (!el) return;
  el.textContent = app.store.kind === 'memory' ? t('saved.memory') : key ? t(key, vars) : '';
  el.title = app.store.kind === 'memory' ? t('saved.memory.title') : t('saved.title');
  el.classList.toggle('bad', !!bad);
  fileStatus();
  document.documentElement.dataset.ncskitRev = app.rev || '';
}

// change edits the open session: mutate(assessment, session) makes the
// edit, and details describe it for the change log (what, pointer,
// indicator, respondent, value, note); the log entry also keeps the value
// the pointer held before (old). log: false saves without a log entry
// (text being typed; the entry comes when the field is left, and covers
// the whole edit). Every logged change can be undone.
export function change(details, mutate, { log = true } = {}) {
  commit(log ? [details] : null, mutate);
}

// changeMany makes one edit that several log entries describe, such as
// an import that adds the respondents and answers of several files.
export function changeMany(entries, mutate) {
  commit(entries, mutate);
}

let unlogged = null; // capture of the session before changes not yet in the log
const undoStack = []; // {patches, seq, label}: the changes to undo, latest last
const redoStack = [];
const historyLimit = 500;

// latest is the last capture save made, with what it was made of: a
// change made next starts from it rather than copying the assessment
// once more (captures are never changed).
let latest = null;

// current returns a capture of s as it is now.
function current(s) {
  const l = latest;
  return l && l.session === s && l.edits === edits && l.logLength === s.log.length ? l.capture : capture(s);
}

function commit(entries, mutate, redoing = false) {
  const t0 = performance.now();
  const s = app.session;
  const before = unlogged || current(s);
  const logged = s.log.length;
  edits++;
  mutate(s.assessment, s);
  newVersion(false);
  let patches = null;
  let journaled = false;
  if (!entries) {
    unlogged = before;
    s.updated = new Date().toISOString();
  } else {
    unlogged = null;
    patches = diff(before, s);
  }
  // The engine is asked first: the log, the journal and the undo history
  // are written on this thread while the worker scores. A change in the
  // journal is written to the store after the frame that shows its score
  // (a reload before that replays it from the journal); any other is
  // written at once.
  rescore(t0, patches);
  if (entries) {
    for (const d of entries) record(s, withOld(d, before, patches));
    const made = s.log.slice(logged);
    journaled = journal(s, patches, made);
    if (patches.length && made.length && !redoing) {
      undoStack.push({ patches, seq: made[0].seq, label: describe(made[0]) });
      if (undoStack.length > historyLimit) undoStack.shift();
      redoStack.length = 0;
    }
    emit('history');
  }
  if (journaled) saveSoon();
  else save();
}

// withOld adds to a log entry the value its pointer held before the
// change, or the old name or template.
function withOld(d, before, patches) {
  if (d.old !== undefined) return d;
  let old;
  if (d.pointer) old = pointed(before.assessment, d.pointer);
  else if (patches.length === 1 && (patches[0].unit === 'name' || patches[0].unit === 'template')) old = patches[0].old;
  return old === undefined ? d : { ...d, old };
}

// describe names a change for the undo and redo buttons.
function describe(e) {
  const who = e.respondent ? (app.session.assessment.respondents.find((r) => r.id === e.respondent) || { name: e.respondent }).name : '';
  return [t(`what.${e.what}`), e.indicator, who ? `(${who})` : ''].filter(Boolean).join(' ') +
    (!e.indicator && e.note ? `: ${e.note}` : '');
}

// history says what undo and redo would do next.
export function undoHistory() {
  const u = undoStack[undoStack.length - 1];
  const r = redoStack[redoStack.length - 1];
  return { undo: u ? t('change.n', { seq: u.seq, label: u.label }) : '', redo: r ? t('change.n', { seq: r.seq, label: r.label }) : '' };
}

// undo takes back the last change made in this window (redo: makes the
// last undone change again). Each is a change of its own in the log, with
// the values it put back and took away. A change whose values were
// changed since, here or in another window, is not undone: that would
// overwrite the later change.
export function undo() {
  step(undoStack, redoStack, true);
}

export function redo() {
  step(redoStack, undoStack, false);
}

function step(from, to, back) {
  if (!app.session) return;
  const e = from.pop();
  if (!e) {
    toast(t(back ? 'undo.none' : 'redo.none'));
    return;
  }
  if (!applies(app.session, e.patches, back ? 'new' : 'old')) {
    from.length = 0;
    emit('history');
    toast(t(back ? 'undo.stale' : 'redo.stale', { seq: e.seq, label: e.label }), { alert: true });
    return;
  }
  const what = back ? 'undo' : 'redo';
  const d = { what, note: t(back ? 'note.undid' : 'note.redid', { seq: e.seq, label: e.label }) };
  if (e.patches.length === 1) {
    const p = e.patches[0];
    const ref = unitRef(p.unit);
    Object.assign(d, ref);
    d.old = back ? p.new : p.old;
    d.value = (back ? p.old : p.new) ?? null;
    if (d.old === undefined) delete d.old;
  }
  commit([d], (as, s) => apply(s, e.patches, back), true);
  to.push(e);
  emit('history');
  redrawKeepingFocus();
  toast(t(back ? 'undo.done' : 'redo.done', { seq: e.seq, label: e.label }));
}

// unitRef gives the indicator and respondent a unit of patch.js is about.
function unitRef(unit) {
  const [kind, ...rest] = unit.split('/');
  const key = rest.join('/');
  if (kind === 'responses') {
    const [indicator, respondent] = key.split('\u0000');
    return { indicator, respondent };
  }
  if (kind === 'respondents') return { respondent: key };
  if (kind === 'decisions' && rest.length > 1) return { indicator: rest.slice(1).join('/') };
  return {};
}

let scoring = false;
let scoreAgain = null;

// The engine keeps a copy of the assessment being edited (the bridge's
// "live"), so that after a change of answers only those answers travel:
// liveRev is the revision of its copy (0: none), of the assessment of
// liveSession; sending lists the changes of responses made since, or is
// null when the whole assessment must go.
let liveRev = 0;
let liveSession = null;
let sending = null;
// held is the live answer whose result app.result is ({rev, result}), or
// null: with it the engine may answer with what changed since (changes),
// which merged gives the new result.
let held = null;

// noteChanges adds a change's patches (patch.js) to what the engine is
// to be sent: changes of responses alone travel as such; anything else
// (or a change without patches) sends the whole assessment.
function noteChanges(patches) {
  if (app.session !== liveSession || !patches || sending === null ||
    !patches.every((p) => p.unit.startsWith('responses/'))) {
    sending = null;
    return;
  }
  for (const p of patches) {
    const { indicator, respondent } = unitRef(p.unit);
    sending.push({ indicator, respondent, at: p.at, response: p.new ?? null });
  }
}

// scoreLive sends the engine what changed since its copy, or the whole
// assessment, and returns the scored result, with the plan's warnings
// when the Results screen shows.
async function scoreLive() {
  const s = app.session;
  const rev = liveRev + 1;
  const changes = sending;
  const plan = app.view.screen === 'results';
  sending = [];
  let r = null;
  if (changes && liveSession === s && liveRev) {
    const have = held && held.result === app.result ? held.rev : 0;
    r = await app.engine.call('live', { rev, base: liveRev, responses: changes, count: s.assessment.responses.length, plan, lang: language(), have });
    if (r.changes) {
      r.result = held && r.changes.from === held.rev && held.result === app.result ? merged(app.result, r.changes) : null;
      if (r.result) app.stats.merged++;
      else r.stale = true;
    }
  }
  if (!r || r.stale) {
    liveSession = null;
    r = await app.engine.call('live', `{"rev":${rev},"plan":${plan},"lang":${JSON.stringify(language())},"assessment":${JSON.stringify(s.assessment)}}`);
  }
  liveSession = r.result ? s : null;
  liveRev = r.result ? r.rev : 0;
  app.stats.liveRev = liveRev;
  held = r.result ? { rev: r.rev, result: r.result } : null;
  if (!liveSession) sending = null;
  return r;
}

// merged returns result with the changes of a live answer: the
// indicators, areas and pillars named there replaced (areas and pillars
// keep their lists), and the other fields named there. What did not
// change is shared with result, which stays as it was.
function merged(result, changes) {
  const inds = changes.indicators || {};
  const areas = changes.areas || {};
  const pillars = changes.pillars || {};
  return {
    ...result,
    ...(changes.result || {}),
    pillars: result.pillars.map((p) => {
      const as = p.areas.map((a) => {
        const is = a.indicators.map((i) => inds[i.id] || i);
        return areas[a.id] || is.some((x, k) => x !== a.indicators[k]) ? { ...a, ...areas[a.id], indicators: is } : a;
      });
      return pillars[p.id] || as.some((x, k) => x !== p.areas[k]) ? { ...p, ...pillars[p.id], areas: as } : p;
    }),
  };
}

// rescore asks the engine for a fresh result; patches are the change's
// (null: send the whole assessment). Calls made while one runs are
// folded into one more run with the latest assessment.
export async function rescore(t0 = performance.now(), patches = null, noted = false) {
  if (!app.session) return;
  if (!noted) noteChanges(patches);
  if (scoring) {
    scoreAgain = scoreAgain ?? t0;
    return;
  }
  scoring = true;
  checkSoon();
  const v = version;
  try {
    const t1 = performance.now();
    let r;
    let t2;
    if (app.engine.has('live')) {
      t2 = t1;
      r = await scoreLive();
    } else {
      const text = JSON.stringify(app.session.assessment);
      t2 = performance.now();
      r = await app.engine.call(app.engine.has('rescore') ? 'rescore' : 'score', text);
      r.plan = true; // rescore and score always add the plan's warnings
    }
    const t3 = performance.now();
    app.result = r.result;
    app.resultVersion = v;
    app.resultPlan = !!(r.result && r.plan);
    app.problems = r.problems;
    emit('result');
    const t4 = performance.now();
    const ms = t4 - t0;
    app.stats.parts = app.stats.parts || [];
    app.stats.parts.push([t1 - t0, t2 - t1, t3 - t2, app.engine.lastMs, app.engine.lastParseMs, t4 - t3].map((x) => Math.round(x * 10) / 10));
    app.stats.rescore.push(Math.round(ms * 10) / 10);
    app.stats.engine.push(Math.round((app.engine.lastMs || 0) * 10) / 10);
    if (app.stats.rescore.length > 200) {
      app.stats.rescore.shift();
      app.stats.engine.shift();
    }
    scoredVersion = v;
    showVersions();
  } catch (e) {
    liveSession = null; // the engine's copy is no longer known
    sending = null;
    held = null;
    app.problems = [{ message: e.message }];
    emit('result');
  } finally {
    scoring = false;
  }
  if (scoreAgain !== null) {
    const next = scoreAgain;
    scoreAgain = null;
    await rescore(next, null, true);
  } else {
    saveAfterFrame();
    const scr = currentScreen();
    if (scr.ahead) scr.ahead();
  }
}

// preview holds the engine's scores of one indicator for each answer one
// respondent could give next (see wasm/preview.go), made from the
// engine's copy at the revision liveRev had then.
let preview = null;

// askPreview has the engine score ahead the answers the respondent could
// give to the indicator, when the engine's copy is the session as it is:
// no change is on its way or waiting.
export function askPreview(indicator, respondent) {
  if (!app.engine.has('preview') || !settled()) return;
  const p = preview;
  if (p && p.rev === liveRev && p.indicator === indicator && p.respondent === respondent) return;
  app.engine.call('preview', { rev: liveRev, indicator, respondent }).then((r) => {
    if (r.stale) return;
    preview = r;
    app.stats.ahead = `${r.rev} ${r.indicator} ${r.respondent}`; // for the tests
  }, () => {});
}

// previewed is the indicator's score once the respondent answers value
// (a level, 'n/a' or 'unknown'), as the engine scored it ahead, or null
// when it did not or the session has changed since. Ask before the
// change: the change sets the engine to work.
export function previewed(indicator, respondent, value) {
  const p = preview;
  if (!p || !settled() || p.rev !== liveRev || p.indicator !== indicator || p.respondent !== respondent) return null;
  return p.scores[String(value)] || null;
}

function settled() {
  return !!app.session && liveSession === app.session && liveRev > 0 && !scoring && scoreAgain === null && Array.isArray(sending) && sending.length === 0 && !!app.result;
}

// scorePlan has the open session scored again with the plan's warnings
// when the result lacks them; the Results screen calls it as it shows.
// Only what changed travels, so nothing does when nothing did.
export function scorePlan() {
  if (app.session && app.result && !app.resultPlan) rescore(performance.now(), []);
}

let checkTimer = 0;

// checkSoon runs the full checks (the JSON Schema too) a moment after the
// last change; live scoring leaves the schema out to stay fast.
function checkSoon() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(async () => {
    if (!app.session) return;
    checkSize();
    try {
      const v = await app.engine.call('validate', JSON.stringify(app.session.assessment));
      warn('schema', v.valid ? null : () => tn('schema.problems', v.problems.length, { list: v.problems.slice(0, 5).map((p) => problemText(p)).join('; ') }));
    } catch (e) {
      // the engine's failure is reported by its own banner
    }
  }, 1500);
}

// checkSize measures the session and warns at half of a limit.
async function checkSize() {
  if (!app.session) return;
  app.bytes = measure(app.session);
  let quota = null;
  if (app.store.kind === 'indexeddb' && navigator.storage && navigator.storage.estimate) {
    quota = await navigator.storage.estimate().catch(() => null);
  }
  const bytes = app.bytes;
  warn('size', sizeWarning(bytes, { fileMax: fileMax(), store: app.store.kind, quota }) ? () => sizeWarning(bytes, { fileMax: fileMax(), store: app.store.kind, quota }) : null);
  const el = document.getElementById('session-size');
  if (el) el.textContent = sizeText();
  document.documentElement.dataset.ncskitBytes = String(app.bytes);
}

function fileMax() {
  return (app.info && app.info.session && app.info.session.maxSize) || 0;
}

// sizeText says how big the session file is, against its limit.
export function sizeText() {
  if (!app.bytes) return '';
  return fileMax() ? t('size.of', { size: size(app.bytes), max: size(fileMax()) }) : t('size.is', { size: size(app.bytes) });
}

export function snapshot(name) {
  commit([], (as, s) => takeSnapshot(s, name));
  emit('session');
}

export function restore(index) {
  commit([], (as, s) => restoreSnapshot(s, index));
  emit('session');
}

// saveFile validates the session with the engine and downloads it.
// saveFile downloads the session as a file (by default the open one),
// always: what the workbook holds can always be saved. The file is
// checked with the engine first; when it has problems, the message says
// what ncskit will refuse in it.
export async function saveFile(session = app.session) {
  if (!session) {
    toast(t('save.none'), { alert: true, key: 'save-none' });
    return false;
  }
  const textContent = sessionText(session);
  const blob = new Blob([textContent], { type: 'application/json' });
  const name = fileName(session);
  if (session === app.session) app.bytes = blob.size;
  let problems = [];
  try {
    const v = await app.engine.call('validate', textContent);
    if (!v.valid) problems = v.problems;
  } catch (e) {
    problems = [{ message: t('save.unchecked', { reason: e.message }) }];
  }
  download(blob, name);
  if (problems.length) {
    const list = problems.slice(0, 5).map((p) => problemText(p, '(file)')).join('; ');
    fileSaved(session);
    toast(tn('save.problems', problems.length, { name, size: size(blob.size), list }), { alert: true });
    return false;
  }
  toast(t('save.done', { name, size: size(blob.size) }));
  announce(t('save.announce'));
  fileSaved(session);
  return true;
}

// fileSaved notes the time a session was last saved as a file from this
// window, shown under the browser's own saving so that the two are not
// taken for each other.
const filesSaved = new Map();
function fileSaved(session) {
  filesSaved.set(session.id, clock());
  fileStatus();
}

// clock is the time now, written when it is shown, in the page's
// language of that moment: a status kept across a language switch
// follows it.
function clock() {
  const d = new Date();
  return { toString: () => d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }) };
}

function fileStatus() {
  const el = document.getElementById('file-status');
  if (!el) return;
  const at = app.session && filesSaved.get(app.session.id);
  el.textContent = !app.session ? '' : at ? t('file.saved.at', { time: at }) : t('file.none');
  el.title = at ? t('file.saved.title') : t('file.none.title');
}

// saveSessionFile downloads session id, open or not, as a file.
export async function saveSessionFile(id) {
  if (app.session && app.session.id === id) return saveFile();
  const got = await app.store.backend.load(id);
  if (!got.session) throw new Error(t('session.gone'));
  return saveFile(got.session);
}

// renameSession renames session id: the open one as a change that can be
// undone, another one where it is stored, with a line in its log.
export async function renameSession(id, name) {
  if (app.session && app.session.id === id) {
    change({ what: 'session', note: t('note.renamed', { name }) }, (as, s) => { s.name = name; });
    render();
    return;
  }
  const got = await app.store.backend.load(id);
  if (!got.session) throw new Error(t('session.gone'));
  record(got.session, { what: 'session', note: t('note.renamed', { name }), old: got.session.name });
  got.session.name = name;
  const rev = newRev();
  await app.store.backend.put(got.session, got.rev, rev);
  tellSaved({ id, rev });
}

// deleteSession removes session id from this browser; the open session
// closes. Other windows that show it keep it open (follow).
export async function deleteSession(id) {
  if (app.session && app.session.id === id) {
    saveWanted = false;
    clearTimeout(saveTimer);
  }
  forgetJournal(id);
  await app.store.backend.remove(id);
  forgetPlace(id);
  if ((await app.store.backend.getMeta('current').catch(() => undefined)) === id) {
    await app.store.backend.setMeta('current', null).catch(() => {});
  }
  tellSaved({ id, deleted: true });
  if (app.session && app.session.id === id) {
    tabSession(null);
    app.session = null;
    app.rev = null;
    app.result = null;
    base = null;
    unlogged = null;
    undoStack.length = 0;
    redoStack.length = 0;
    warn('size', null);
    warn('schema', null);
    emit('history');
    render();
  }
}

// problemText formats one problem of the engine ({file, at, message,
// hint}) as the command line prints it: "FILE: AT: message; hint". where
// stands for a problem of the whole file when it has no place.
export function problemText(p, where) {
  const parts = [p.file, p.at || where, p.message].filter(Boolean).join(': ');
  return p.hint ? `${parts}; ${p.hint}` : parts;
}

export function problemsList(problems, fileLabel) {
  const items = problems.slice(0, 25).map((p) => h('li', { text: `${fileLabel ? `${fileLabel}: ` : ''}${problemText(p)}` }));
  if (problems.length > 25) items.push(h('li', { text: t('problems.more', { n: problems.length - 25 }) }));
  return h('ul', { class: 'problems' }, items);
}

// go shows a screen. The view (screen, indicator, respondent) lives in
// the URL's fragment, so a reload comes back to the same place.
export function go(screen, view = {}) {
  const moved = screen !== app.view.screen;
  Object.assign(app.view, view, { screen });
  if (app.session) rememberPlace(app.session.id, app.view);
  const q = new URLSearchParams();
  if (app.view.indicator) q.set('i', app.view.indicator);
  if (app.view.respondent) q.set('r', app.view.respondent);
  const hash = `#${screen}?${q}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
  render();
  if (moved) window.scrollTo(0, 0);
}

// resumeScreen is the screen to show on opening session id again.
export function resumeScreen(id) {
  const p = placeOf(id);
  return p && p.screen && p.screen !== 'sessions' && app.screens.some((x) => x.id === p.screen) ? p.screen : 'assess';
}

export function readHash() {
  const [screen, query] = location.hash.slice(1).split('?');
  const q = new URLSearchParams(query || '');
  if (screen && app.screens.some((s) => s.id === screen)) app.view.screen = screen;
  if (q.get('i')) app.view.indicator = q.get('i');
  if (q.get('r')) app.view.respondent = q.get('r');
}

export function currentScreen() {
  return app.screens.find((s) => s.id === app.view.screen) || app.screens[0];
}

// render draws the current screen from scratch.
export function render() {
  let scr = currentScreen();
  if (scr.needsSession && !app.session) {
    app.view.screen = 'sessions';
    scr = currentScreen();
  }
  for (const b of document.querySelectorAll('#nav button')) {
    const active = b.dataset.screen === scr.id;
    if (active) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
    b.disabled = !app.session && app.screens.some((x) => x.id === b.dataset.screen && x.needsSession);
  }
  document.getElementById('session-title').textContent = app.session ? app.session.name : t('session.none');
  document.title = app.session ? `${app.session.name} — ${t('app.name')}` : t('app.name');
  document.documentElement.dataset.screen = scr.id;
  document.querySelector('a.skip').textContent = t(scr.skipLabel || 'skip.screen');
  const main = document.getElementById('screen');
  fill(main);
  scr.render(main);
}
