// screens/setup.js: the session's profile, stakeholders with their role
// archetypes, points of contact (NPCs) with their deputies, respondents,
// the country facts (facts.js), snapshots and the change log.

import { h, fill, field, setError, options, announce, toast, colHeads } from '../dom.js';
import { setupNext } from './next.js';
import { app, change, snapshot, restore, limits, render as redraw, undo, sizeText, lang, sessionLang, pairs, named, vocab } from '../app.js';
import { t, tn, when } from '../i18n.js';
import { slug } from '../session.js';
import { text } from '../model.js';
import { profileControls, profileFields, readProfile } from './sessions.js';
import { filesPicker } from '../files.js';
import { exportQuestionnaire } from '../exports.js';
import { run as runImport, lastResult, resultView } from '../importer.js';
import { factsSection, refreshFacts } from '../facts.js';

export const screen = { id: 'setup', needsSession: true, render, refresh: refreshFacts };

function a() {
  return app.session.assessment;
}

function render(root) {
  root.append(h('h1', { text: t('screen.setup') }),
    profileSection(), stakeholderSection(), contactSection(), respondentSection(), factsSection(), questionnaireSection(), snapshotSection(), logSection());
  root.append(setupNext());
}

// questionnaireSection hands out the blank questionnaire and brings the
// filled ones back in, when this build of the engine offers them.
function questionnaireSection() {
  const canWrite = app.engine.has('questionnaire');
  const canImport = app.engine.has('import');
  if (!canWrite && !canImport) return null;
  const parts = [h('p', { class: 'hint', text: t('quest.about') })];
  if (canWrite) {
    const session = sessionLang();
    const lang = h('select', { id: 'questionnaire-lang' }, options(pairs('textLanguages'), vocab().textLanguages.some((l) => l.id === session) ? session : 'en'));
    const status = h('p', { id: 'questionnaire-status', class: 'task', role: 'status' });
    const group = h('div', { class: 'row' },
      field(t('quest.lang'), lang),
      h('button', { type: 'button', id: 'questionnaire-download', text: t('quest.download'), on: { click: () => exportQuestionnaire(status, group, lang.value) } }));
    parts.push(group, status);
  }
  if (canImport) {
    const result = h('div', { id: 'import-result', role: 'alert' });
    const last = lastResult();
    if (last) fill(result, resultView(last.r, last.names));
    const picker = filesPicker(t('quest.import'), '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', async (files) => {
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
  return section('questionnaires', t('quest.title'), parts);
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
    setError(name, v ? '' : t('session.name.missing'));
    if (!v || v === app.session.name) return;
    change({ what: 'session', note: t('note.renamed', { name: v }) }, () => { app.session.name = v; });
    document.getElementById('session-title').textContent = v;
  });
  const commit = () => {
    const np = readProfile(c);
    if (!np) return;
    const next = { ...p, ...np };
    if (!np.sectors) delete next.sectors;
    const changed = Object.keys(next).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(p[k]));
    if (!changed.length) return;
    change({ what: 'profile', pointer: changed.length === 1 ? `/profile/${changed[0]}` : '/profile', value: changed.length === 1 ? next[changed[0]] : undefined, note: t('note.changed', { fields: changed.join(', ') }) },
      (as) => { as.profile = next; });
  };
  for (const ctl of Object.values(c)) ctl.addEventListener('change', commit);
  const target = p.targetProfile || (p.smallIslandState ? 'small-island-state' : 'larger-state');
  const tp = app.model.targetProfiles.find((x) => x.id === target);
  return section('profile', t('profile'),
    h('div', { class: 'cols' }, field(t('session.name'), name), profileFields(c)),
    h('p', { class: 'hint', text: t('setup.template', { template: named('templates', app.session.template), target: tp ? text(tp.name, lang()) : target }) }));
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
    text(r.name, lang())));
}

function stakeholderSection() {
  const rows = a().stakeholders.map((s, i) => {
    const name = h('input', { type: 'text', value: s.name, maxLength: limits().name, 'aria-label': t('stake.name.n', { n: i + 1 }) });
    name.addEventListener('change', () => {
      const v = name.value.trim();
      setError(name, v ? '' : t('stake.name.missing'));
      if (!v || v === s.name) return;
      change({ what: 'stakeholder', pointer: `/stakeholders/${i}/name`, value: v }, (as) => { as.stakeholders[i].name = v; });
    });
    const roles = h('details', { class: 'roles' },
      h('summary', { text: s.roles.length ? s.roles.map((r) => text((app.model.role(r) || { name: { en: r } }).name, lang())).join(', ') : t('stake.no-role') }),
      h('div', { class: 'checks', on: { change: (e) => {
        const box = e.currentTarget;
        const ids = [...box.querySelectorAll('input:checked')].map((x) => x.value);
        change({ what: 'role', pointer: `/stakeholders/${i}/roles`, value: ids, note: `${s.name}: ${ids.join(', ') || t('note.no-role')}` },
          (as) => { as.stakeholders[i].roles = ids; });
        box.parentElement.querySelector('summary').textContent = ids.length ? ids.map((r) => text(app.model.role(r).name, lang())).join(', ') : t('stake.no-role');
      } } }, roleChecks(s.roles, `s${i}`)));
    const used = usedStakeholder(s.id);
    return h('tr', {},
      h('td', {}, name, h('div', { class: 'hint', text: t('id', { id: s.id }) })),
      h('td', {}, roles),
      h('td', {}, h('button', {
        type: 'button', text: t('remove'), disabled: used, title: used ? t('stake.used') : '',
        'aria-label': t('remove.label', { name: s.name }),
        on: { click: () => {
          change({ what: 'stakeholder', pointer: `/stakeholders/${i}`, note: t('note.removed', { name: s.name }) }, (as) => { as.stakeholders.splice(i, 1); });
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
      setError(name, v ? '' : t('stake.org.missing'));
      if (!v) return;
      const roles = [...checks.querySelectorAll('input:checked')].map((x) => x.value);
      const id = slug(v, new Set(a().stakeholders.map((s) => s.id)));
      change({ what: 'stakeholder', pointer: `/stakeholders/${a().stakeholders.length}`, value: { id, name: v, roles }, note: t('note.added', { name: v }) },
        (as) => { as.stakeholders.push({ id, name: v, roles }); });
      announce(t('added', { name: v }));
      redraw();
      document.getElementById('new-stakeholder').focus();
    } },
  }, h('h3', { text: t('stake.add.title') }), field(t('stake.org'), name),
  h('fieldset', {}, h('legend', { text: t('stake.roles') }), checks),
  h('button', { type: 'submit', text: t('stake.add') }));
  return section('stakeholders', t('stake.title', { n: a().stakeholders.length }),
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, colHeads([t('col.name'), t('col.roles'), '']))),
      h('tbody', {}, rows)) : h('p', { text: t('stake.none') }),
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
      h('td', { text: named('contactFunctions', c.function) + (c.pillar ? ` (${c.pillar})` : '') }),
      h('td', { text: `${c.person}, ${(a().stakeholders.find((s) => s.id === c.stakeholder) || {}).name || c.stakeholder}` }),
      h('td', {}, deputy ? h('span', { text: deputy }) : h('span', { class: 'flag', text: t('contact.no-deputy') })),
      h('td', {}, h('button', {
        type: 'button', text: t('remove'), 'aria-label': t('remove.label', { name: c.person }),
        on: { click: () => {
          change({ what: 'contact', pointer: `/pointsOfContact/${i}`, note: t('note.removed', { name: c.person }) }, (as) => { as.pointsOfContact.splice(i, 1); });
          redraw();
        } },
      })));
  });
  if (!a().stakeholders.length) {
    return section('contacts', t('contact.title0'), h('p', { text: t('contact.first') }));
  }
  const fn = h('select', { id: 'contact-function' }, options(pairs('contactFunctions'), 'cicte-npc'));
  const pillar = h('select', { id: 'contact-pillar' }, options([['', '—'], ...app.model.pillars.map((p) => [p.id, `${p.id} ${text(p.name, lang())}`])], ''));
  const person = h('input', { type: 'text', id: 'contact-person', maxLength: limits().name });
  const org = h('select', { id: 'contact-stakeholder' }, stakeholderOptions(''));
  const dperson = h('input', { type: 'text', id: 'deputy-person', maxLength: limits().name });
  const dorg = h('select', { id: 'deputy-stakeholder' }, stakeholderOptions('', '—'));
  const add = h('form', {
    class: 'add', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const c = { function: fn.value, person: person.value.trim(), stakeholder: org.value };
      setError(person, c.person ? '' : t('contact.person.missing'));
      const pillarOK = fn.value !== 'pillar-lead' || pillar.value;
      setError(pillar, pillarOK ? '' : t('contact.pillar.missing'));
      const dp = dperson.value.trim();
      setError(dorg, !dp || dorg.value ? '' : t('contact.deputy-org.missing'));
      if (!c.person || !pillarOK || (dp && !dorg.value)) return;
      if (pillar.value) c.pillar = pillar.value;
      if (dp) c.deputy = { person: dp, stakeholder: dorg.value };
      change({ what: 'contact', pointer: `/pointsOfContact/${contacts.length}`, value: c, note: `${c.function}: ${c.person}` },
        (as) => { (as.pointsOfContact = as.pointsOfContact || []).push(c); });
      redraw();
    } },
  }, h('h3', { text: t('contact.add.title') }),
  h('div', { class: 'cols' }, field(t('contact.function'), fn), field(t('contact.pillar'), pillar), field(t('contact.person'), person), field(t('contact.org'), org),
    field(t('contact.deputy'), dperson, t('contact.deputy.hint')), field(t('contact.deputy-org'), dorg)),
  h('button', { type: 'submit', text: t('contact.add') }));
  return section('contacts', t('contact.title', { n: contacts.length }),
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, colHeads([t('contact.function'), t('contact.person'), t('contact.deputy'), '']))),
      h('tbody', {}, rows)) : h('p', { text: t('contact.none') }),
    add);
}

function respondentSection() {
  const resp = a().respondents;
  const rows = resp.map((r, i) => {
    const answered = a().responses.filter((x) => x.respondent === r.id).length;
    // A desk reviewer answers for no organisation: the list offers that
    // choice only to a respondent who has none.
    const stake = h('select', { 'aria-label': t('resp.org.of', { name: r.name }) },
      stakeholderOptions(r.stakeholder, r.stakeholder ? undefined : t('resp.desk')));
    stake.addEventListener('change', () => change({ what: 'respondent', pointer: `/respondents/${i}/stakeholder`, respondent: r.id, value: stake.value || null },
      (as) => { if (stake.value) as.respondents[i].stakeholder = stake.value; else delete as.respondents[i].stakeholder; }));
    return h('tr', {},
      h('td', {}, h('span', { text: r.name }), h('div', { class: 'hint', text: t('id', { id: r.id }) })),
      h('td', { text: r.title || '' }),
      h('td', {}, stake),
      h('td', { class: 'num', text: answered }),
      h('td', {}, h('button', {
        type: 'button', text: t('remove'), disabled: answered > 0, title: answered ? t('resp.has-answers') : '',
        'aria-label': t('remove.label', { name: r.name }),
        on: { click: () => {
          change({ what: 'respondent', pointer: `/respondents/${i}`, respondent: r.id, note: t('note.removed', { name: r.name }) }, (as) => { as.respondents.splice(i, 1); });
          redraw();
        } },
      })));
  });
  if (!a().stakeholders.length) {
    return section('respondents', t('resp.title0'), h('p', { text: t('resp.first') }));
  }
  const name = h('input', { type: 'text', id: 'respondent-name', maxLength: limits().name });
  const title = h('input', { type: 'text', id: 'respondent-title', maxLength: limits().name });
  const org = h('select', { id: 'respondent-stakeholder' }, stakeholderOptions(''));
  const add = h('form', {
    class: 'add', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const v = name.value.trim();
      setError(name, v ? '' : t('resp.name.missing'));
      if (!v) return;
      const id = slug(v, new Set(resp.map((r) => r.id)), 'r-');
      const r = { id, name: v, stakeholder: org.value };
      if (title.value.trim()) r.title = title.value.trim();
      change({ what: 'respondent', pointer: `/respondents/${resp.length}`, respondent: id, value: r, note: t('note.added', { name: v }) },
        (as) => { as.respondents.push(r); });
      if (!app.view.respondent || app.view.respondent === 'consensus') app.view.respondent = id;
      announce(t('added', { name: v }));
      redraw();
      document.getElementById('respondent-name').focus();
    } },
  }, h('h3', { text: t('resp.add.title') }),
  h('div', { class: 'cols' }, field(t('col.name'), name), field(t('resp.job'), title), field(t('contact.org'), org)),
  h('button', { type: 'submit', text: t('resp.add') }));
  return section('respondents', t('resp.title', { n: resp.length }),
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, colHeads([t('col.name'), t('resp.job'), t('contact.org'), t('col.answers'), '']))),
      h('tbody', {}, rows)) : h('p', { text: t('resp.none') }),
    add);
}

function snapshotSection() {
  const snaps = app.session.snapshots;
  const name = h('input', { type: 'text', id: 'snapshot-name', maxLength: limits().name, placeholder: t('snap.placeholder') });
  const form = h('form', {
    class: 'add inline', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const v = name.value.trim();
      const bad = !v ? t('snap.name.missing') : snaps.some((s) => s.name === v) ? t('snap.name.taken') : '';
      setError(name, bad);
      if (bad) return;
      snapshot(v);
      announce(t('snap.taken', { name: v }));
      redraw();
    } },
  }, field(t('snap.name'), name), h('button', { type: 'submit', text: t('snap.take') }));
  const rows = snaps.map((s, i) => {
    const label = h('input', { type: 'text', value: s.name, maxLength: limits().name, class: 'snapshot-name', id: `snapshot-${i}` });
    label.addEventListener('change', () => {
      const v = label.value.trim();
      const bad = !v ? t('snap.name.needed') : snaps.some((x, j) => j !== i && x.name === v) ? t('snap.name.taken') : '';
      setError(label, bad);
      if (bad || v === s.name) return;
      change({ what: 'snapshot', note: t('note.snapshot.renamed', { old: s.name, name: v }) }, (as, session) => { session.snapshots[i] = { ...s, name: v }; });
      announce(t('snap.renamed', { name: v }));
    });
    return h('tr', {},
      h('td', {}, field(t('snap.name.n', { n: i + 1 }), label)),
      h('td', { text: t('snap.when', { when: when(s.at), seq: s.seq }) }),
      h('td', {},
        h('button', { type: 'button', text: t('snap.restore'), 'aria-label': t('snap.restore.label', { name: s.name }), on: { click: () => { restore(i); redraw(); } } }), ' ',
        h('button', { type: 'button', text: t('delete'), class: 'delete-snapshot', 'aria-label': t('snap.delete.label', { name: s.name }), on: { click: () => {
          change({ what: 'snapshot', note: t('note.snapshot.deleted', { name: s.name }) }, (as, session) => { session.snapshots.splice(i, 1); });
          redraw();
          const at = document.getElementById('snapshot-name');
          if (at) at.focus({ preventScroll: true });
          toast(t('snap.deleted', { name: s.name }), { action: { label: t('undo.verb'), run: undo } });
        } } })));
  });
  return section('snapshots', t('snap.title', { n: snaps.length }),
    h('p', { class: 'hint', text: t('snap.about') }),
    h('p', { id: 'session-size', class: 'hint', text: sizeText() }),
    form, rows.length ? h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, colHeads([t('col.name'), t('snap.col.taken'), '']))),
      h('tbody', {}, rows)) : null);
}

function logSection() {
  const log = app.session.log;
  const names = new Map(a().respondents.map((r) => [r.id, r.name]));
  const last = log.slice(-30).reverse().map((c) => h('tr', {},
    h('td', { class: 'num', text: c.seq }),
    h('td', { text: when(c.at) }),
    h('td', { text: t(`what.${c.what}`) }),
    h('td', { text: [c.indicator, names.get(c.respondent) || c.respondent].filter(Boolean).join(' · ') }),
    h('td', { text: c.note || (c.value !== undefined ? JSON.stringify(c.value) : '') })));
  return section('log', tn('log.title', log.length),
    h('p', { class: 'hint', text: t('log.about') }),
    h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, ['#', t('log.when'), t('log.what'), t('log.who'), t('log.change')].map((x) => h('th', { scope: 'col', text: x })))),
      h('tbody', {}, last)));
}
