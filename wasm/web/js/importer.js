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
    if (!app.session || app.session.id !== id) throw new Error('another session was opened meanwhile; nothing was changed');
    // A change made while the engine worked would be lost by applying a
    // merge of the older state: merge again into the current one.
    if (JSON.stringify(app.session.assessment) !== sent) continue;
    apply(r, files.length);
    return r;
  }
  throw new Error('the session kept changing during the import; nothing was changed: try again');
}

function apply(r, count) {
  const a = app.session.assessment;
  const merged = r.assessment;
  const nResp = a.responses.length;
  if (merged.responses.length !== nResp + r.added.responses ||
    merged.respondents.length !== a.respondents.length + r.added.respondents.length ||
    merged.stakeholders.length !== a.stakeholders.length + r.added.stakeholders.length) {
    throw new Error('the engine returned an assessment that does not extend the session; nothing was changed');
  }
  if (!r.added.responses && !r.added.respondents.length && !r.added.stakeholders.length && !r.added.facts) return;
  let name = `before importing ${count} questionnaire${count > 1 ? 's' : ''}`;
  for (let n = 2; app.session.snapshots.some((x) => x.name === name); n++) name = `before importing ${count} questionnaire${count > 1 ? 's' : ''} (${n})`;
  const entries = r.files.map((f) => {
    const i = merged.respondents.findIndex((x) => x.id === f.respondent);
    return {
      what: 'import', respondent: f.respondent, pointer: i >= 0 ? `/respondents/${i}` : undefined,
      note: `${f.file}: ${f.name} (${f.organisation}), ${f.added} of ${f.answers} answer${f.answers === 1 ? '' : 's'} added` +
        (f.facts ? `, ${f.facts} country fact${f.facts === 1 ? '' : 's'} merged` : ''),
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
    return [h('p', { class: 'error', text: `Nothing was imported: ${r.error}` })];
  }
  if (r.problems.length) {
    const n = r.problems.length;
    return [
      h('p', { class: 'error', text: `Nothing was imported from ${names.join(', ')}: ${n} problem${n > 1 ? 's' : ''} below. Correct the files named (or ask the respondents to), then import them again.` }),
      h('ul', { class: 'problems' }, r.problems.slice(0, 40).map((p) => h('li', { text: problemText({ ...p, file: p.file || 'the session' }) })),
        r.problems.length > 40 ? h('li', { text: `… and ${r.problems.length - 40} more` }) : null),
    ];
  }
  const out = [h('p', { class: 'ok', text: `Imported ${r.files.length} questionnaire${r.files.length > 1 ? 's' : ''}: ` +
    `${r.added.respondents.length} new respondent${r.added.respondents.length === 1 ? '' : 's'}, ${r.added.responses} answer${r.added.responses === 1 ? '' : 's'} added.` +
    (r.added.facts ? ` ${r.added.facts} country fact${r.added.facts === 1 ? '' : 's'} merged (Setup, Country facts).` : '') +
    `${r.added.responses || r.added.facts ? ' A snapshot keeps the session as it was before.' : ''}` })];
  out.push(h('ul', { class: 'imported' }, r.files.map((f) => h('li', {},
    h('strong', { text: f.file }), ': ',
    `${f.name}, ${f.organisation}${f.title ? ` (${f.title})` : ''} — ${f.added} of ${f.answers} answer${f.answers === 1 ? '' : 's'} added`,
    f.added < f.answers ? ' (the others were in the session already)' : ''))));
  if (r.added.stakeholders.length) {
    out.push(h('p', { class: 'flag-line', text: `New stakeholder${r.added.stakeholders.length > 1 ? 's' : ''} with no role archetype yet: ` +
      `${r.added.stakeholders.map((s) => s.name).join('; ')}. Tick their roles under Stakeholders.` }));
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
  fill(status, h('progress', { 'aria-label': 'Importing' }), ` Reading ${names.join(', ')}…`);
  let r;
  try {
    r = await importFiles(files);
  } catch (e) {
    r = { error: e.message, problems: [] };
  }
  lastImport = { session: app.session && app.session.id, r, names };
  fill(status, resultView(r, names));
  announce(r.error || r.problems.length ? 'Nothing was imported' : `Imported ${files.length} questionnaires`);
  return r;
}
