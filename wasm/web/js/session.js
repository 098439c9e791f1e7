// session.js holds the workbook's session format: an assessment, exactly
// as the assessment schema defines it, inside a wrapper with the change
// log (append-only: when, what, which indicator and respondent) and named
// snapshots. The engine validates the same format (wasm/session.go).

import { t } from './i18n.js';

export const FORMAT = 'ncskit-session';
export const VERSION = 1;

export function now() {
  return new Date().toISOString();
}

export function newId(prefix) {
  const rand = Math.floor(Math.random() * 0x100000000).toString(36);
  return `${prefix}${Date.now().toString(36)}-${rand}`;
}

// slug turns a name into an ID of the assessment format: lower-case
// letters, digits and hyphens, unique among taken.
export function slug(name, taken, prefix = '') {
  let base = String(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  if (!base) base = 'x';
  base = prefix + base;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

// newSession makes a session around a fresh assessment.
export function newSession({ name, template, profile, session, model, schemaVersion }) {
  const at = now();
  const assessment = {
    $schema: 'https://ncskit.org/schemas/assessment-v1.schema.json',
    schemaVersion,
    model: { id: model.id, version: model.version },
    profile,
    session,
    stakeholders: [],
    pointsOfContact: [],
    respondents: [],
    responses: [],
    decisions: {},
  };
  const s = {
    format: FORMAT, version: VERSION, id: newId('s-'), name, created: at, updated: at, template,
    assessment, log: [], snapshots: [],
  };
  record(s, { what: 'session', note: t('note.created', { name }) });
  return s;
}

// wrap makes a session around an assessment read from a file.
export function wrap(assessment, fileName) {
  const at = now();
  const p = assessment.profile;
  const s = {
    format: FORMAT, version: VERSION, id: newId('s-'),
    name: `${clip(p.country)} ${assessment.session.date}`, created: at, updated: at,
    template: p.smallIslandState ? 'small-island-state' : 'national',
    assessment, log: [], snapshots: [],
  };
  record(s, { what: 'session', note: t('note.opened-assessment', { name: fileName }) });
  return s;
}

// record appends a change to the log. details: what, and optionally
// pointer, indicator, respondent, value, old (the value before), note.
export function record(s, details) {
  const entry = { seq: s.log.length + 1, at: now(), what: details.what };
  for (const k of ['pointer', 'indicator', 'respondent', 'value', 'old', 'note']) {
    if (details[k] !== undefined && details[k] !== '') entry[k] = details[k];
  }
  s.log.push(entry);
  s.updated = entry.at;
  return entry;
}

export function snapshot(s, name) {
  s.snapshots.push({ name, at: now(), seq: s.log.length, assessment: structuredClone(s.assessment) });
  record(s, { what: 'snapshot', note: t('note.snapshot', { name }) });
}

// restore puts a snapshot's assessment back, after keeping the current
// state as a snapshot of its own: nothing is ever lost.
export function restore(s, index) {
  const snap = s.snapshots[index];
  let name = `before restoring "${clip(snap.name)}"`;
  for (let n = 2; s.snapshots.some((x) => x.name === name); n++) name = `before restoring "${clip(snap.name)}" (${n})`;
  snapshot(s, name);
  s.assessment = structuredClone(snap.assessment);
  record(s, { what: 'restore', note: t('note.restored', { name: snap.name }) });
}

// clip shortens a name that goes into another, so that the new name stays
// well within the format's limit on names.
function clip(name) {
  const chars = Array.from(name);
  return chars.length > 100 ? `${chars.slice(0, 99).join('')}…` : name;
}

export function responseIndex(a, indicator, respondent) {
  return a.responses.findIndex((r) => r.indicator === indicator && r.respondent === respondent);
}

export function agreedIndex(a, indicator) {
  return (a.decisions.agreed || []).findIndex((d) => d.indicator === indicator);
}

export function overrideIndex(a, indicator) {
  return (a.decisions.priorityOverrides || []).findIndex((o) => o.indicator === indicator);
}

// fileName suggests a name for the session file.
export function fileName(s) {
  const a = s.assessment;
  const country = slug(a.profile.country || 'session', new Set());
  return `${country}-${a.session.date || 'undated'}.ncskit-session.json`;
}
