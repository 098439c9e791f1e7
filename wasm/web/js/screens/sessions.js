// screens/sessions.js: the local sessions, opening a session file and
// starting a new session (country profile and template).

import { h, fill, field, setError, options, announce, toast, colHeads } from '../dom.js';
import { app, go, openFile, startSession, setSession, problemsList, limits, resumeScreen, renameSession, deleteSession, saveSessionFile, saveNow, pairs, vocab, lang } from '../app.js';
import { filePicker } from '../files.js';
import { text } from '../model.js';
import { t, tn, when, list as listOf, language } from '../i18n.js';

export const screen = { id: 'sessions', render, refresh() {} };

function render(root) {
  root.append(h('h1', { text: t('screen.sessions'), tabindex: -1 }));
  const list = h('div', { id: 'session-list' }, h('p', { text: t('sessions.reading') }));
  const opened = h('div', { id: 'open-result', role: 'alert' });
  const picker = filePicker(t('sessions.open-file'), '.json,application/json', async (name, content) => {
    if (/\.xlsx?$/i.test(name)) {
      fill(opened, h('p', { class: 'error', text: t('sessions.spreadsheet', { name }) }));
      return;
    }
    fill(opened, h('p', { text: t('sessions.checking', { name }) }));
    try {
      const problems = await openFile(name, content);
      if (problems.length) {
        fill(opened, h('p', { class: 'error', text: tn('sessions.not-opened', problems.length, { name }) }),
          problemsList(problems, name));
        return;
      }
      fill(opened);
      announce(t('sessions.opened', { name }));
      go('setup');
    } catch (e) {
      fill(opened, h('p', { class: 'error', text: t('sessions.not-opened.because', { name, reason: e.message }) }));
    }
  });
  picker.input.id = 'open-file';
  root.append(
    h('section', { 'aria-labelledby': 'h-local' }, h('h2', { id: 'h-local', text: t('sessions.local') }),
      h('p', { class: 'hint', id: 'shared-storage', text: t('sessions.local.about') }),
      list),
    h('section', { 'aria-labelledby': 'h-open' },
      h('h2', { id: 'h-open', text: t('sessions.open') }),
      h('p', { text: t('sessions.open.about') }),
      picker.button, picker.input, opened),
    newSessionForm());
  listSessions(list);
}

async function listSessions(box) {
  await saveNow();
  const all = (await app.store.backend.list().catch(() => [])).sort((a, b) => (b.updated || '').localeCompare(a.updated || ''));
  if (!all.length) {
    fill(box, h('p', { text: t('sessions.empty') }));
    return;
  }
  const rows = all.map((s) => {
    const current = app.session && app.session.id === s.id;
    const nameCell = h('td', {}, h('span', { class: 'name', text: s.name }), current ? h('span', { class: 'badge', text: t('sessions.badge.open') }) : null, ' ',
      h('button', { type: 'button', class: 'link rename', text: t('sessions.rename'), 'aria-label': t('sessions.rename.label', { name: s.name }), on: { click: () => renameForm(box, nameCell, s) } }));
    return h('tr', { class: current ? 'current' : '', dataset: { session: s.id } },
      nameCell,
      h('td', { text: s.country }),
      h('td', { text: s.updated ? when(s.updated) : '' }),
      h('td', { class: 'num', text: s.responses }),
      h('td', { class: 'actions' }, h('button', {
        type: 'button', text: t(current ? 'sessions.continue' : 'sessions.open-one'), 'aria-label': t(current ? 'sessions.continue.label' : 'sessions.open-one.label', { name: s.name }),
        on: { click: async () => {
          if (!current) {
            const got = await app.store.backend.load(s.id);
            await setSession(got.session, { rev: got.rev, stored: true });
          }
          go(resumeScreen(s.id));
        } },
      }), ' ', h('button', { type: 'button', class: 'delete', text: t('sessions.delete'), 'aria-label': t('sessions.delete.label', { name: s.name }), on: { click: (e) => confirmDelete(box, s, e.currentTarget) } })));
  });
  fill(box, h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, colHeads([t('col.session'), t('col.country'), t('col.last-change'), t('col.answers'), '']))),
    h('tbody', {}, rows)));
}

// renameForm puts a small form in place of a session's name.
function renameForm(box, cell, s) {
  const name = h('input', { type: 'text', value: s.name, maxLength: limits().name, id: `rename-${s.id}` });
  const form = h('form', {
    class: 'inline rename', novalidate: true,
    on: { submit: async (e) => {
      e.preventDefault();
      const v = name.value.trim();
      setError(name, v ? '' : t('session.name.missing'));
      if (!v) return;
      try {
        if (v !== s.name) await renameSession(s.id, v);
        announce(t('sessions.renamed', { name: v }));
        await listSessions(box);
        const again = box.querySelector(`tr[data-session="${CSS.escape(s.id)}"] button.rename`);
        if (again) again.focus();
      } catch (err) {
        setError(name, t('sessions.rename.failed', { reason: err.message }));
      }
    } },
  }, field(t('sessions.new-name', { name: s.name }), name), h('button', { type: 'submit', text: t('sessions.rename') }),
  h('button', { type: 'button', text: t('cancel'), on: { click: () => listSessions(box) } }));
  fill(cell, form);
  name.focus();
  name.select();
}

// confirmDelete asks before a session is deleted, and offers to save its
// file first: once deleted, it is gone from this browser.
function confirmDelete(box, s, opener) {
  const status = h('p', { class: 'task', role: 'status' });
  const dialog = h('dialog', { id: 'delete-session', 'aria-labelledby': 'delete-title', 'aria-describedby': 'delete-about' },
    h('h2', { id: 'delete-title', text: t('sessions.delete.title', { name: s.name }) }),
    h('p', { id: 'delete-about', text: t('sessions.delete.about') }),
    status,
    h('p', { class: 'row' },
      h('button', { type: 'button', class: 'primary save-first', text: t('sessions.delete.save-first'), on: { click: async () => {
        status.textContent = t('saving');
        try {
          const ok = await saveSessionFile(s.id);
          status.textContent = t(ok ? 'sessions.delete.saved' : 'sessions.delete.saved-problems');
        } catch (err) {
          status.textContent = t('not-saved', { reason: err.message });
        }
      } } }),
      h('button', { type: 'button', class: 'confirm', text: t('sessions.delete.confirm'), on: { click: async () => {
        try {
          await deleteSession(s.id);
        } catch (err) {
          status.textContent = t('sessions.delete.failed', { reason: err.message });
          return;
        }
        dialog.close();
        dialog.remove();
        toast(t('sessions.deleted', { name: s.name }));
        await listSessions(box);
        const h1 = document.querySelector('#screen h1');
        if (h1) h1.focus();
      } } }),
      h('button', { type: 'button', class: 'cancel', text: t('cancel'), on: { click: () => dialog.close() } })));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (document.body.contains(opener)) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('button.save-first').focus();
}

function input(props) {
  return h('input', { type: 'text', ...props });
}

// profileControls makes the controls of the country profile; setup.js
// uses them too, to edit the profile later.
export function profileControls(p = {}) {
  return {
    country: input({ name: 'country', required: true, maxLength: limits().name, value: p.country || '' }),
    iso3166: input({ name: 'iso3166', required: true, maxLength: 2, size: 3, value: p.iso3166 || '', autocapitalize: 'characters' }),
    region: h('select', { name: 'region' }, options(pairs('regions'), p.region || 'caribbean')),
    population: h('input', { type: 'number', name: 'population', min: 1, step: 1, required: true, value: p.population || '' }),
    languages: input({ name: 'languages', value: (p.languages || ['en']).join(', ') }),
    leadMinistry: input({ name: 'leadMinistry', required: true, maxLength: limits().name, value: p.leadMinistry || '' }),
    framing: h('select', { name: 'framing' }, options(pairs('framings'), p.framing || 'economy-infrastructure')),
    sectors: input({ name: 'sectors', value: (p.sectors || []).join(', ') }),
  };
}

export function profileFields(c) {
  return [
    field(t('profile.country'), c.country),
    field(t('profile.iso'), c.iso3166, t('profile.iso.hint')),
    field(t('profile.region'), c.region),
    field(t('profile.population'), c.population),
    field(t('profile.languages'), c.languages, t('profile.languages.hint')),
    field(t('profile.lead'), c.leadMinistry),
    field(t('profile.framing'), c.framing),
    field(t('profile.sectors'), c.sectors, t('profile.sectors.hint')),
  ];
}

const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

// readProfile checks the profile controls. It marks the wrong ones and
// returns null, or returns the profile fields.
export function readProfile(c) {
  let ok = true;
  const need = (ctl, test, msg) => {
    const bad = !test(ctl.value.trim());
    setError(ctl, bad ? msg : '');
    if (bad) ok = false;
  };
  need(c.country, (v) => v.length > 0, t('profile.country.missing'));
  c.iso3166.value = c.iso3166.value.trim().toUpperCase();
  need(c.iso3166, (v) => /^[A-Z]{2}$/.test(v), t('profile.iso.bad'));
  need(c.population, (v) => /^[0-9]+$/.test(v) && Number(v) >= 1, t('profile.population.bad'));
  need(c.languages, (v) => list(v).length > 0 && list(v).every((x) => /^[a-z]{2,3}(-[A-Z]{2})?$/.test(x)) && new Set(list(v)).size === list(v).length,
    t('profile.languages.bad'));
  need(c.leadMinistry, (v) => v.length > 0, t('profile.lead.missing'));
  need(c.sectors, (v) => list(v).every((x) => x.length <= limits().name), t('profile.sectors.long', { n: limits().name }));
  if (!ok) return null;
  const p = {
    country: c.country.value.trim(),
    iso3166: c.iso3166.value,
    region: c.region.value,
    population: Number(c.population.value),
    languages: list(c.languages.value),
    leadMinistry: c.leadMinistry.value.trim(),
    framing: c.framing.value,
  };
  const sectors = list(c.sectors.value);
  if (sectors.length) p.sectors = sectors;
  return p;
}

function newSessionForm() {
  const c = profileControls();
  const name = input({ name: 'name', required: true, maxLength: limits().name });
  const tmpl = vocab().templates.map(({ id, name: label, about }, i) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'template', value: id, checked: i === 0 }),
    h('span', {}, h('strong', { text: label }), ' — ', about)));
  const today = new Date().toISOString().slice(0, 10);
  const date = h('input', { type: 'date', name: 'date', required: true, value: today });
  const place = input({ name: 'place', maxLength: limits().name });
  const facilitator = input({ name: 'facilitator', maxLength: limits().name });
  const classification = input({ name: 'classification', maxLength: limits().classification, placeholder: 'TLP:AMBER' });
  const sessionLanguage = h('select', { name: 'language' }, options(pairs('languages'), vocab().languages.some((l) => l.id === language()) ? language() : 'en'));
  const msg = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', {
    id: 'new-session', class: 'panel', novalidate: true,
    on: { submit: async (e) => {
      e.preventDefault();
      const profile = readProfile(c);
      const nameOK = name.value.trim().length > 0;
      setError(name, nameOK ? '' : t('session.name.missing'));
      const dateOK = /^\d{4}-\d{2}-\d{2}$/.test(date.value);
      setError(date, dateOK ? '' : t('session.date.missing'));
      if (!profile || !nameOK || !dateOK) {
        msg.hidden = false;
        msg.textContent = t('form.attention');
        const bad = form.querySelector('[aria-invalid="true"]');
        if (bad) bad.focus();
        return;
      }
      msg.hidden = true;
      const template = form.querySelector('input[name="template"]:checked').value;
      profile.smallIslandState = template === 'small-island-state';
      profile.targetProfile = template === 'small-island-state' ? 'small-island-state' : 'larger-state';
      const session = { date: date.value };
      for (const [k, ctl] of [['place', place], ['facilitator', facilitator], ['classification', classification]]) {
        if (ctl.value.trim()) session[k] = ctl.value.trim();
      }
      session.language = sessionLanguage.value;
      await startSession({ name: name.value.trim(), template, profile, session });
      announce(t('session.started'));
      go('setup');
    } },
  },
  h('h2', { id: 'h-new', text: t('sessions.new') }),
  field(t('session.name'), name, t('session.name.hint')),
  h('fieldset', {}, h('legend', { text: t('session.template') }), tmpl),
  h('fieldset', { class: 'cols' }, h('legend', { text: t('profile') }), profileFields(c)),
  h('fieldset', { class: 'cols' }, h('legend', { text: t('session.about') }),
    field(t('session.date'), date), field(t('session.place'), place), field(t('session.facilitator'), facilitator),
    field(t('session.classification'), classification, t('session.classification.hint', { n: limits().classification })),
    field(t('session.language'), sessionLanguage, t('session.language.hint'))),
  msg,
  h('p', {}, h('button', { type: 'submit', class: 'primary', text: t('session.start') })),
  h('p', { class: 'hint', text: t('sessions.new.next', { profiles: listOf(app.model.targetProfiles.map((x) => text(x.name, lang()))) }) }));
  return form;
}
