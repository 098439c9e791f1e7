// screens/setup.js: the session's profile, stakeholders with their role
// archetypes, points of contact (NPCs) with their deputies, respondents,
// the country facts (facts.js), snapshots and the change log.

import { h, fill, field, setError, options, announce, toast, colHeads } from '../dom.js';
import { setupNext } from './next.js';
import { app, change, snapshot, restore, limits, render as redraw, undo, sizeText } from '../app.js';
import { slug } from '../session.js';
import { text } from '../model.js';
import { profileControls, profileFields, readProfile } from './sessions.js';
import { filesPicker } from '../files.js';
import { exportQuestionnaire } from '../exports.js';
import { run as runImport, lastResult, resultView } from '../importer.js';
import { factsSection, refreshFacts } from '../facts.js';

export const screen = { id: 'setup', title: 'Setup', needsSession: true, render, refresh: refreshFacts };

export const contactFunctions = [
  ['cicte-npc', 'CICTE National Point of Contact'],
  ['cbm-policy', 'Confidence-building measures: policy-level contact'],
  ['cbm-foreign', 'Confidence-building measures: foreign-ministry contact'],
  ['caricom-cyber', 'CARICOM national cyber point of contact'],
  ['csirt', 'CSIRT contact'],
  ['cybercrime-24-7', 'Cybercrime 24/7 contact'],
  ['pillar-lead', 'Pillar lead'],
];

function a() {
  return app.session.assessment;
}

function render(root) {
  root.append(h('h1', { text: 'Setup' }),
    profileSection(), stakeholderSection(), contactSection(), respondentSection(), factsSection(), questionnaireSection(), snapshotSection(), logSection());
  root.append(setupNext());
}

// questionnaireLanguages are the languages the questionnaire is written in.
export const questionnaireLanguages = [['en', 'English'], ['es', 'Español'], ['fr', 'Français'], ['pt', 'Português']];

// questionnaireSection hands out the blank questionnaire and brings the
// filled ones back in, when this build of the engine offers them.
function questionnaireSection() {
  const canWrite = app.engine.has('questionnaire');
  const canImport = app.engine.has('import');
  if (!canWrite && !canImport) return null;
  const parts = [h('p', { class: 'hint', text: 'Respondents can answer before or during the workshop in Excel or LibreOffice, offline: send each one the blank questionnaire and import the filled copies here. ' +
    'Answers are added to this session; nothing already entered is changed, and a snapshot keeps the session as it was.' })];
  if (canWrite) {
    const session = a().session.language;
    const lang = h('select', { id: 'questionnaire-lang' }, options(questionnaireLanguages, questionnaireLanguages.some((l) => l[0] === session) ? session : 'en'));
    const status = h('p', { id: 'questionnaire-status', class: 'task', role: 'status' });
    const group = h('div', { class: 'row' },
      field('Language', lang),
      h('button', { type: 'button', id: 'questionnaire-download', text: 'Download blank questionnaire (XLSX)', on: { click: () => exportQuestionnaire(status, group, lang.value) } }));
    parts.push(group, status);
  }
  if (canImport) {
    const result = h('div', { id: 'import-result', role: 'alert' });
    const last = lastResult();
    if (last) fill(result, resultView(last.r, last.names));
    const picker = filesPicker('Import filled questionnaires…', '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', async (files) => {
      picker.button.disabled = true;
      const r = await runImport(result, files);
      picker.button.disabled = false;
      if (!r.error && !r.problems.length && (r.added.responses || r.added.respondents.length || r.added.stakeholders.length || r.added.facts)) {
        redraw();
        const again = document.getElementById('import-button');
        if (again) again.focus({ preventScroll: true });
        const box = document.getElementById('import-result');
        if (box) box.scrollIntoView({ block: 'nearest' });
      }
    });
    picker.input.id = 'import-files';
    picker.button.id = 'import-button';
    picker.button.className = 'primary';
    parts.push(h('p', {}, picker.button, picker.input), result);
  }
  return section('questionnaires', 'Questionnaires', parts);
}

function section(id, title, ...children) {
  return h('section', { class: 'panel', id, 'aria-labelledby': `h-${id}` }, h('h2', { id: `h-${id}`, text: title }), children);
}

function profileSection() {
  const p = a().profile;
  const c = profileControls(p);
  const name = h('input', { type: 'text', value: app.session.name, maxLength: limits().name });
  name.addEventListener('change', () => {
    const v = name.value.trim();
    setError(name, v ? '' : 'Give the session a name.');
    if (!v || v === app.session.name) return;
    change({ what: 'session', note: `renamed to "${v}"` }, () => { app.session.name = v; });
    document.getElementById('session-title').textContent = v;
  });
  const commit = () => {
    const np = readProfile(c);
    if (!np) return;
    const next = { ...p, ...np };
    if (!np.sectors) delete next.sectors;
    const changed = Object.keys(next).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(p[k]));
    if (!changed.length) return;
    change({ what: 'profile', pointer: changed.length === 1 ? `/profile/${changed[0]}` : '/profile', value: changed.length === 1 ? next[changed[0]] : undefined, note: `changed ${changed.join(', ')}` },
      (as) => { as.profile = next; });
  };
  for (const ctl of Object.values(c)) ctl.addEventListener('change', commit);
  return section('profile', 'Country profile',
    h('div', { class: 'cols' }, field('Session name', name), profileFields(c)),
    h('p', { class: 'hint', text: `Template: ${app.session.template === 'national' ? 'National' : 'Small island state'}; target profile: ${p.targetProfile || (p.smallIslandState ? 'small-island-state' : 'larger-state')}.` }));
}

// usedStakeholder reports whether anything in the assessment names the
// stakeholder: a respondent, a point of contact or its deputy, or a
// country fact (an instrument's owner, staff, a network, incident counts).
// Such a stakeholder cannot be removed: the file would no longer be valid.
function usedStakeholder(id) {
  const f = a().facts || {};
  return a().respondents.some((r) => r.stakeholder === id) ||
    (a().pointsOfContact || []).some((c) => c.stakeholder === id || (c.deputy && c.deputy.stakeholder === id)) ||
    (f.instruments || []).some((x) => x.owner === id) ||
    [f.staff, f.networks, f.incidents].some((list) => (list || []).some((x) => x.stakeholder === id));
}

function roleChecks(selected, prefix) {
  return app.model.roles.map((r) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: r.id, checked: selected.includes(r.id), name: `${prefix}-role` }),
    text(r.name, 'en')));
}

function stakeholderSection() {
  const rows = a().stakeholders.map((s, i) => {
    const name = h('input', { type: 'text', value: s.name, maxLength: limits().name, 'aria-label': `Name of stakeholder ${i + 1}` });
    name.addEventListener('change', () => {
      const v = name.value.trim();
      setError(name, v ? '' : 'A stakeholder needs a name.');
      if (!v || v === s.name) return;
      change({ what: 'stakeholder', pointer: `/stakeholders/${i}/name`, value: v }, (as) => { as.stakeholders[i].name = v; });
    });
    const roles = h('details', { class: 'roles' },
      h('summary', { text: s.roles.length ? s.roles.map((r) => text((app.model.role(r) || { name: { en: r } }).name, 'en')).join(', ') : 'No role archetype' }),
      h('div', { class: 'checks', on: { change: (e) => {
        const box = e.currentTarget;
        const ids = [...box.querySelectorAll('input:checked')].map((x) => x.value);
        change({ what: 'role', pointer: `/stakeholders/${i}/roles`, value: ids, note: `${s.name}: ${ids.join(', ') || 'no role'}` },
          (as) => { as.stakeholders[i].roles = ids; });
        box.parentElement.querySelector('summary').textContent = ids.length ? ids.map((r) => text(app.model.role(r).name, 'en')).join(', ') : 'No role archetype';
      } } }, roleChecks(s.roles, `s${i}`)));
    const used = usedStakeholder(s.id);
    return h('tr', {},
      h('td', {}, name, h('div', { class: 'hint', text: `ID ${s.id}` })),
      h('td', {}, roles),
      h('td', {}, h('button', {
        type: 'button', text: 'Remove', disabled: used, title: used ? 'A respondent, a point of contact or a country fact names it' : '',
        'aria-label': `Remove ${s.name}`,
        on: { click: () => {
          change({ what: 'stakeholder', pointer: `/stakeholders/${i}`, note: `removed ${s.name}` }, (as) => { as.stakeholders.splice(i, 1); });
          redraw();
        } },
      })));
  });
  const name = h('input', { type: 'text', id: 'new-stakeholder', maxLength: limits().name });
  const checks = h('div', { class: 'checks' }, roleChecks([], 'new'));
  const add = h('form', {
    class: 'add', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const v = name.value.trim();
      setError(name, v ? '' : 'Enter the name of the agency or organisation.');
      if (!v) return;
      const roles = [...checks.querySelectorAll('input:checked')].map((x) => x.value);
      const id = slug(v, new Set(a().stakeholders.map((s) => s.id)));
      change({ what: 'stakeholder', pointer: `/stakeholders/${a().stakeholders.length}`, value: { id, name: v, roles }, note: `added ${v}` },
        (as) => { as.stakeholders.push({ id, name: v, roles }); });
      announce(`Added ${v}`);
      redraw();
      document.getElementById('new-stakeholder').focus();
    } },
  }, h('h3', { text: 'Add a stakeholder' }), field('Agency or organisation', name),
  h('fieldset', {}, h('legend', { text: 'Role archetypes it fills' }), checks),
  h('button', { type: 'submit', text: 'Add stakeholder' }));
  return section('stakeholders', `Stakeholders (${a().stakeholders.length})`,
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, colHeads(['Name', 'Role archetypes', '']))),
      h('tbody', {}, rows)) : h('p', { text: 'No stakeholder yet.' }),
    add);
}

function stakeholderOptions(selected, blank) {
  const pairs = a().stakeholders.map((s) => [s.id, s.name]);
  return options(blank ? [['', blank], ...pairs] : pairs, selected);
}

function contactSection() {
  const contacts = a().pointsOfContact || [];
  const rows = contacts.map((c, i) => {
    const deputy = c.deputy ? `${c.deputy.person} (${(a().stakeholders.find((s) => s.id === c.deputy.stakeholder) || {}).name || c.deputy.stakeholder})` : '';
    return h('tr', {},
      h('td', { text: (contactFunctions.find((f) => f[0] === c.function) || [0, c.function])[1] + (c.pillar ? ` (${c.pillar})` : '') }),
      h('td', { text: `${c.person}, ${(a().stakeholders.find((s) => s.id === c.stakeholder) || {}).name || c.stakeholder}` }),
      h('td', {}, deputy ? h('span', { text: deputy }) : h('span', { class: 'flag', text: 'No deputy' })),
      h('td', {}, h('button', {
        type: 'button', text: 'Remove', 'aria-label': `Remove ${c.person}`,
        on: { click: () => {
          change({ what: 'contact', pointer: `/pointsOfContact/${i}`, note: `removed ${c.person}` }, (as) => { as.pointsOfContact.splice(i, 1); });
          redraw();
        } },
      })));
  });
  if (!a().stakeholders.length) {
    return section('contacts', 'Points of contact and deputies', h('p', { text: 'Add stakeholders first: every contact belongs to one.' }));
  }
  const fn = h('select', { id: 'contact-function' }, options(contactFunctions, 'cicte-npc'));
  const pillar = h('select', { id: 'contact-pillar' }, options([['', '—'], ...app.model.pillars.map((p) => [p.id, `${p.id} ${text(p.name, 'en')}`])], ''));
  const person = h('input', { type: 'text', id: 'contact-person', maxLength: limits().name });
  const org = h('select', { id: 'contact-stakeholder' }, stakeholderOptions(''));
  const dperson = h('input', { type: 'text', id: 'deputy-person', maxLength: limits().name });
  const dorg = h('select', { id: 'deputy-stakeholder' }, stakeholderOptions('', '—'));
  const add = h('form', {
    class: 'add', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const c = { function: fn.value, person: person.value.trim(), stakeholder: org.value };
      setError(person, c.person ? '' : 'Enter the name of the person.');
      const pillarOK = fn.value !== 'pillar-lead' || pillar.value;
      setError(pillar, pillarOK ? '' : 'A pillar lead needs a pillar.');
      const dp = dperson.value.trim();
      setError(dorg, !dp || dorg.value ? '' : 'Choose the deputy\'s organisation.');
      if (!c.person || !pillarOK || (dp && !dorg.value)) return;
      if (pillar.value) c.pillar = pillar.value;
      if (dp) c.deputy = { person: dp, stakeholder: dorg.value };
      change({ what: 'contact', pointer: `/pointsOfContact/${contacts.length}`, value: c, note: `${c.function}: ${c.person}` },
        (as) => { (as.pointsOfContact = as.pointsOfContact || []).push(c); });
      redraw();
    } },
  }, h('h3', { text: 'Designate a point of contact' }),
  h('div', { class: 'cols' }, field('Function', fn), field('Pillar (for a pillar lead)', pillar), field('Person', person), field('Organisation', org),
    field('Deputy', dperson, 'Leave empty if there is none yet: it shows as a role gap.'), field('Deputy\'s organisation', dorg)),
  h('button', { type: 'submit', text: 'Add contact' }));
  return section('contacts', `Points of contact and deputies (${contacts.length})`,
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, colHeads(['Function', 'Person', 'Deputy', '']))),
      h('tbody', {}, rows)) : h('p', { text: 'No point of contact yet.' }),
    add);
}

function respondentSection() {
  const resp = a().respondents;
  const rows = resp.map((r, i) => {
    const answered = a().responses.filter((x) => x.respondent === r.id).length;
    // A desk reviewer answers for no organisation: the list offers that
    // choice only to a respondent who has none.
    const stake = h('select', { 'aria-label': `Organisation of ${r.name}` },
      stakeholderOptions(r.stakeholder, r.stakeholder ? undefined : 'None: a desk reviewer'));
    stake.addEventListener('change', () => change({ what: 'respondent', pointer: `/respondents/${i}/stakeholder`, respondent: r.id, value: stake.value || null },
      (as) => { if (stake.value) as.respondents[i].stakeholder = stake.value; else delete as.respondents[i].stakeholder; }));
    return h('tr', {},
      h('td', {}, h('span', { text: r.name }), h('div', { class: 'hint', text: `ID ${r.id}` })),
      h('td', { text: r.title || '' }),
      h('td', {}, stake),
      h('td', { class: 'num', text: answered }),
      h('td', {}, h('button', {
        type: 'button', text: 'Remove', disabled: answered > 0, title: answered ? 'This respondent has answers' : '',
        'aria-label': `Remove ${r.name}`,
        on: { click: () => {
          change({ what: 'respondent', pointer: `/respondents/${i}`, respondent: r.id, note: `removed ${r.name}` }, (as) => { as.respondents.splice(i, 1); });
          redraw();
        } },
      })));
  });
  if (!a().stakeholders.length) {
    return section('respondents', 'Respondents', h('p', { text: 'Add stakeholders first: every respondent answers for one.' }));
  }
  const name = h('input', { type: 'text', id: 'respondent-name', maxLength: limits().name });
  const title = h('input', { type: 'text', id: 'respondent-title', maxLength: limits().name });
  const org = h('select', { id: 'respondent-stakeholder' }, stakeholderOptions(''));
  const add = h('form', {
    class: 'add', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const v = name.value.trim();
      setError(name, v ? '' : 'Enter the respondent\'s name.');
      if (!v) return;
      const id = slug(v, new Set(resp.map((r) => r.id)), 'r-');
      const r = { id, name: v, stakeholder: org.value };
      if (title.value.trim()) r.title = title.value.trim();
      change({ what: 'respondent', pointer: `/respondents/${resp.length}`, respondent: id, value: r, note: `added ${v}` },
        (as) => { as.respondents.push(r); });
      if (!app.view.respondent || app.view.respondent === 'consensus') app.view.respondent = id;
      announce(`Added ${v}`);
      redraw();
      document.getElementById('respondent-name').focus();
    } },
  }, h('h3', { text: 'Add a respondent' }),
  h('div', { class: 'cols' }, field('Name', name), field('Title', title), field('Organisation', org)),
  h('button', { type: 'submit', text: 'Add respondent' }));
  return section('respondents', `Respondents (${resp.length})`,
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, colHeads(['Name', 'Title', 'Organisation', 'Answers', '']))),
      h('tbody', {}, rows)) : h('p', { text: 'No respondent yet.' }),
    add);
}

function snapshotSection() {
  const snaps = app.session.snapshots;
  const name = h('input', { type: 'text', id: 'snapshot-name', maxLength: limits().name, placeholder: 'end of day 1' });
  const form = h('form', {
    class: 'add inline', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const v = name.value.trim();
      const bad = !v ? 'Name the snapshot.' : snaps.some((s) => s.name === v) ? 'A snapshot has this name already.' : '';
      setError(name, bad);
      if (bad) return;
      snapshot(v);
      announce(`Snapshot ${v} taken`);
      redraw();
    } },
  }, field('Snapshot name', name), h('button', { type: 'submit', text: 'Take snapshot' }));
  const rows = snaps.map((s, i) => {
    const label = h('input', { type: 'text', value: s.name, maxLength: limits().name, class: 'snapshot-name', id: `snapshot-${i}` });
    label.addEventListener('change', () => {
      const v = label.value.trim();
      const bad = !v ? 'A snapshot needs a name.' : snaps.some((x, j) => j !== i && x.name === v) ? 'A snapshot has this name already.' : '';
      setError(label, bad);
      if (bad || v === s.name) return;
      change({ what: 'snapshot', note: `renamed snapshot "${s.name}" to "${v}"` }, (as, session) => { session.snapshots[i] = { ...s, name: v }; });
      announce(`Snapshot renamed to ${v}`);
    });
    return h('tr', {},
      h('td', {}, field(`Name of snapshot ${i + 1}`, label)),
      h('td', { text: `${new Date(s.at).toLocaleString()}, after change ${s.seq}` }),
      h('td', {},
        h('button', { type: 'button', text: 'Restore', 'aria-label': `Restore ${s.name}`, on: { click: () => { restore(i); redraw(); } } }), ' ',
        h('button', { type: 'button', text: 'Delete', class: 'delete-snapshot', 'aria-label': `Delete snapshot ${s.name}`, on: { click: () => {
          change({ what: 'snapshot', note: `deleted snapshot "${s.name}"` }, (as, session) => { session.snapshots.splice(i, 1); });
          redraw();
          const at = document.getElementById('snapshot-name');
          if (at) at.focus({ preventScroll: true });
          toast(`Deleted snapshot "${s.name}". Undo: Ctrl+Z.`, { action: { label: 'Undo', run: undo } });
        } } })));
  });
  return section('snapshots', `Snapshots (${snaps.length})`,
    h('p', { class: 'hint', text: 'A snapshot keeps a copy of the assessment inside the session file. Restoring one first keeps the current state as another snapshot. ' +
      'Each snapshot makes the file larger: delete the ones you no longer need.' }),
    h('p', { id: 'session-size', class: 'hint', text: sizeText() }),
    form, rows.length ? h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, ['Name', 'Taken', ''].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows)) : null);
}

function logSection() {
  const log = app.session.log;
  const names = new Map(a().respondents.map((r) => [r.id, r.name]));
  const last = log.slice(-30).reverse().map((c) => h('tr', {},
    h('td', { class: 'num', text: c.seq }),
    h('td', { text: new Date(c.at).toLocaleString() }),
    h('td', { text: c.what }),
    h('td', { text: [c.indicator, names.get(c.respondent) || c.respondent].filter(Boolean).join(' · ') }),
    h('td', { text: c.note || (c.value !== undefined ? JSON.stringify(c.value) : '') })));
  return section('log', `Change log (${log.length} changes)`,
    h('p', { class: 'hint', text: 'Every change is recorded and kept in the session file; the last 30 are shown.' }),
    h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, ['#', 'When', 'What', 'Indicator · respondent', 'Change'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, last)));
}
