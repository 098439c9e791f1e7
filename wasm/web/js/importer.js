// importer.js brings filled questionnaires into the open session. The
// engine reads every file and merges the answers into a copy of the
// assessment; when any file has a problem nothing is changed and every
// problem is shown with its file and cell. Otherwise a snapshot keeps the
// session as it was, and the new stakeholders, respondents and answers
// are appended: nothing the facilitator entered is changed.

import { h, fill, announce } from './dom.js';
import { app, changeMany, problemText } from './app.js';
import { toBase64 } from './files.js';
import { snapshot } from './session.js';
import { t, tn } from './i18n.js';

// importFiles merges files ([{name, bytes}]) into the open session. It
// resolves to the engine's response ({problems, files, added}); the
// session has changed only when problems is empty.
export async function importFiles(files) {
  const payload = JSON.stringify(files.map((f) => ({ name: f.name, data: toBase64(f.bytes) })));
  const id = app.session.id;
  for (let attempt = 0; attempt < 3; attempt++) {
    const sent = JSON.stringify(app.session.assessment);
    const r = await app.engine.call('import', `{"files":${payload},"into":${sent}}`);
    if (r.problems.length) return r;
    if (!app.session || app.session.id !== id) throw new Error(t('import.other-session'));
    // A change made while the engine worked would be lost by applying a
    // merge of the older state: merge again into the current one.
    if (JSON.stringify(app.session.assessment) !== sent) continue;
    apply(r, files.length);
    return r;
  }
  throw new Error(t('import.kept-changing'));
}

function apply(r, count) {
  const a = app.session.assessment;
  const merged = r.assessment;
  const nResp = a.responses.length;
  if (merged.responses.length !== nResp + r.added.responses ||
    merged.respondents.length !== a.respondents.length + r.added.respondents.length ||
    merged.stakeholders.length !== a.stakeholders.length + r.added.stakeholders.length) {
    throw new Error(t('import.bad-merge'));
  }
  if (!r.added.responses && !r.added.respondents.length && !r.added.stakeholders.length && !r.added.facts) return;
  const first = tn('import.snapshot', count);
  let name = first;
  for (let n = 2; app.session.snapshots.some((x) => x.name === name); n++) name = `${first} (${n})`;
  const entries = r.files.map((f) => {
    const i = merged.respondents.findIndex((x) => x.id === f.respondent);
    return {
      what: 'import', respondent: f.respondent, pointer: i >= 0 ? `/respondents/${i}` : undefined,
      note: `${f.file}: ${f.name} (${f.organisation}), ${tn('import.file-added', f.answers, { added: f.added })}` +
        (f.facts ? `, ${tn('note.facts-merged', f.facts)}` : ''),
    };
  });
  changeMany(entries, (as, session) => {
    snapshot(session, name);
    as.stakeholders.push(...r.added.stakeholders);
    as.respondents.push(...r.added.respondents);
    as.responses.push(...merged.responses.slice(nResp));
    // A facts sheet's records replace those of the same key and add the
    // others (questionnaire.Merge).
    if (r.added.facts) {
      if (merged.facts) as.facts = merged.facts;
      else delete as.facts;
    }
  });
}

// resultView shows what an import did, or why it did nothing.
export function resultView(r, names) {
  if (r.error) {
    return [h('p', { class: 'error', text: t('import.nothing.because', { reason: r.error }) })];
  }
  if (r.problems.length) {
    const n = r.problems.length;
    return [
      h('p', { class: 'error', text: tn('import.problems', n, { names: names.join(', ') }) }),
      h('ul', { class: 'problems' }, r.problems.slice(0, 40).map((p) => h('li', { text: problemText({ ...p, file: p.file || t('import.the-session') }) })),
        r.problems.length > 40 ? h('li', { text: t('problems.more', { n: r.problems.length - 40 }) }) : null),
    ];
  }
  const done = [
    `${tn('import.done', r.files.length)}: ${tn('import.new-respondents', r.added.respondents.length)}, ${tn('import.answers-added', r.added.responses)}.`,
    r.added.facts ? tn('import.facts', r.added.facts) : '',
    r.added.responses || r.added.facts ? t('import.snapshot-kept') : '',
  ];
  const out = [h('p', { class: 'ok', text: done.filter(Boolean).join(' ') })];
  out.push(h('ul', { class: 'imported' }, r.files.map((f) => h('li', {},
    h('strong', { text: f.file }), ': ',
    `${f.name}, ${f.organisation}${f.title ? ` (${f.title})` : ''} — ${tn('import.file-added', f.answers, { added: f.added })}`,
    f.added < f.answers ? ` ${t('import.others-there')}` : ''))));
  if (r.added.stakeholders.length) {
    out.push(h('p', { class: 'flag-line', text: tn('import.new-stakeholders', r.added.stakeholders.length, { names: r.added.stakeholders.map((s) => s.name).join('; ') }) }));
  }
  return out;
}

// lastImport is the result shown until the next import or session.
let lastImport = null;

export function lastResult() {
  return lastImport && app.session && lastImport.session === app.session.id ? lastImport : null;
}

// run imports files and remembers the result for the panel.
export async function run(status, files) {
  const names = files.map((f) => f.name);
  fill(status, h('progress', { 'aria-label': t('import.importing') }), ' ', t('import.reading', { names: names.join(', ') }));
  let r;
  try {
    r = await importFiles(files);
  } catch (e) {
    r = { error: e.message, problems: [] };
  }
  lastImport = { session: app.session && app.session.id, r, names };
  fill(status, resultView(r, names));
  announce(r.error || r.problems.length ? t('import.nothing') : tn('import.done', files.length));
  return r;
}
