// screens/sessions.js: the local sessions, opening a session file and
// starting a new session (country profile and template).

import { h, fill, field, setError, options, announce, toast, colHeads } from '../dom.js';
import { app, go, openFile, startSession, setSession, problemsList, limits, resumeScreen, renameSession, deleteSession, saveSessionFile } from '../app.js';
import { filePicker } from '../files.js';
import { text } from '../model.js';

const regions = [['caribbean', 'Caribbean'], ['central-america', 'Central America'], ['south-america', 'South America'], ['north-america', 'North America']];
const framings = [
  ['economy-infrastructure', 'Economic growth and critical infrastructure'],
  ['inclusion-education', 'Social inclusion and education'],
  ['rights-democracy', 'Rights, freedom of expression and democracy'],
];
const templates = [
  ['small-island-state', 'Small island state', 'Shared regional services, designated points of contact, default targets for small island states.'],
  ['national', 'National', 'A larger state with its own national bodies; default targets for larger states.'],
];
export const languages = [['en', 'English'], ['es', 'Español'], ['fr', 'Français'], ['pt', 'Português'], ['nl', 'Nederlands']];

export const screen = { id: 'sessions', title: 'Sessions', render, refresh() {} };

function render(root) {
  root.append(h('h1', { text: 'Sessions', tabindex: -1 }));
  const list = h('div', { id: 'session-list' }, h('p', { text: 'Reading the sessions kept in this browser…' }));
  const opened = h('div', { id: 'open-result', role: 'alert' });
  const picker = filePicker('Open session file…', '.json,application/json', async (name, content) => {
    if (/\.xlsx?$/i.test(name)) {
      fill(opened, h('p', { class: 'error', text: `${name} is a spreadsheet, not a session file. To bring in filled questionnaires, open or start the session, then use "Import filled questionnaires" on its Setup screen.` }));
      return;
    }
    fill(opened, h('p', { text: `Checking ${name}…` }));
    try {
      const problems = await openFile(name, content);
      if (problems.length) {
        fill(opened, h('p', { class: 'error', text: `${name} was not opened: it has ${problems.length} problem${problems.length > 1 ? 's' : ''}. Nothing was changed.` }),
          problemsList(problems, name));
        return;
      }
      fill(opened);
      announce(`Opened ${name}`);
      go('setup');
    } catch (e) {
      fill(opened, h('p', { class: 'error', text: `${name} was not opened: ${e.message}` }));
    }
  });
  picker.input.id = 'open-file';
  root.append(
    h('section', { 'aria-labelledby': 'h-local' }, h('h2', { id: 'h-local', text: 'Sessions in this browser' }),
      h('p', { class: 'hint', id: 'shared-storage', text: 'These sessions are kept by this browser, not in the workbook file: another copy of the workbook file, ' +
        'at another path or under another name, opened in this browser sees and changes the same sessions. ' +
        'Several windows may show one session: each change is saved at once, and the other windows follow it.' }),
      list),
    h('section', { 'aria-labelledby': 'h-open' },
      h('h2', { id: 'h-open', text: 'Open a file' }),
      h('p', { text: 'A session file saved from this workbook, or an assessment file (such as examples/small-island.json). The file is checked first; a file with problems is not opened. ' +
        'Filled questionnaires (.xlsx) are imported into a session on its Setup screen.' }),
      picker.button, picker.input, opened),
    newSessionForm());
  listSessions(list);
}

async function listSessions(box) {
  const all = (await app.store.backend.list().catch(() => [])).sort((a, b) => (b.updated || '').localeCompare(a.updated || ''));
  if (!all.length) {
    fill(box, h('p', { text: 'No session yet. Start one below, or open a file.' }));
    return;
  }
  const rows = all.map((s) => {
    const current = app.session && app.session.id === s.id;
    const nameCell = h('td', {}, h('span', { class: 'name', text: s.name }), current ? h('span', { class: 'badge', text: 'open' }) : null, ' ',
      h('button', { type: 'button', class: 'link rename', text: 'Rename', 'aria-label': `Rename ${s.name}`, on: { click: () => renameForm(box, nameCell, s) } }));
    return h('tr', { class: current ? 'current' : '', dataset: { session: s.id } },
      nameCell,
      h('td', { text: s.country }),
      h('td', { text: s.updated ? new Date(s.updated).toLocaleString() : '' }),
      h('td', { class: 'num', text: s.responses }),
      h('td', { class: 'actions' }, h('button', {
        type: 'button', text: current ? 'Continue' : 'Open', 'aria-label': `${current ? 'Continue' : 'Open'} ${s.name}`,
        on: { click: async () => {
          if (!current) {
            const got = await app.store.backend.load(s.id);
            await setSession(got.session, { rev: got.rev, stored: true });
          }
          go(resumeScreen(s.id));
        } },
      }), ' ', h('button', { type: 'button', class: 'delete', text: 'Delete…', 'aria-label': `Delete ${s.name}`, on: { click: (e) => confirmDelete(box, s, e.currentTarget) } })));
  });
  fill(box, h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, colHeads(['Session', 'Country', 'Last change', 'Answers', '']))),
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
      setError(name, v ? '' : 'Give the session a name.');
      if (!v) return;
      try {
        if (v !== s.name) await renameSession(s.id, v);
        announce(`Renamed to ${v}`);
        await listSessions(box);
        const again = box.querySelector(`tr[data-session="${CSS.escape(s.id)}"] button.rename`);
        if (again) again.focus();
      } catch (err) {
        setError(name, `Not renamed: ${err.message}. Open the Sessions screen again and retry.`);
      }
    } },
  }, field(`New name of ${s.name}`, name), h('button', { type: 'submit', text: 'Rename' }),
  h('button', { type: 'button', text: 'Cancel', on: { click: () => listSessions(box) } }));
  fill(cell, form);
  name.focus();
  name.select();
}

// confirmDelete asks before a session is deleted, and offers to save its
// file first: once deleted, it is gone from this browser.
function confirmDelete(box, s, opener) {
  const status = h('p', { class: 'task', role: 'status' });
  const dialog = h('dialog', { id: 'delete-session', 'aria-labelledby': 'delete-title', 'aria-describedby': 'delete-about' },
    h('h2', { id: 'delete-title', text: `Delete "${s.name}"?` }),
    h('p', { id: 'delete-about', text: 'The session is kept only in this browser. Once deleted it is gone, with its answers, change log and snapshots, ' +
      'unless you have its file. Save the file first to keep a copy you can open again.' }),
    status,
    h('p', { class: 'row' },
      h('button', { type: 'button', class: 'primary save-first', text: 'Save its file first', on: { click: async () => {
        status.textContent = 'Saving…';
        try {
          const ok = await saveSessionFile(s.id);
          status.textContent = ok ? 'The file is in the downloads folder.' : 'The file is in the downloads folder; see the message about its problems.';
        } catch (err) {
          status.textContent = `Not saved: ${err.message}`;
        }
      } } }),
      h('button', { type: 'button', class: 'confirm', text: 'Delete the session', on: { click: async () => {
        try {
          await deleteSession(s.id);
        } catch (err) {
          status.textContent = `Not deleted: ${err.message}`;
          return;
        }
        dialog.close();
        dialog.remove();
        toast(`Deleted the session "${s.name}" from this browser.`);
        await listSessions(box);
        const h1 = document.querySelector('#screen h1');
        if (h1) h1.focus();
      } } }),
      h('button', { type: 'button', class: 'cancel', text: 'Cancel', on: { click: () => dialog.close() } })));
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
    region: h('select', { name: 'region' }, options(regions, p.region || 'caribbean')),
    population: h('input', { type: 'number', name: 'population', min: 1, step: 1, required: true, value: p.population || '' }),
    languages: input({ name: 'languages', value: (p.languages || ['en']).join(', ') }),
    leadMinistry: input({ name: 'leadMinistry', required: true, maxLength: limits().name, value: p.leadMinistry || '' }),
    framing: h('select', { name: 'framing' }, options(framings, p.framing || 'economy-infrastructure')),
    sectors: input({ name: 'sectors', value: (p.sectors || []).join(', ') }),
  };
}

export function profileFields(c) {
  return [
    field('Country', c.country),
    field('ISO 3166 code', c.iso3166, 'Two capital letters; fictional states use XA–XZ.'),
    field('Region', c.region),
    field('Population', c.population),
    field('Official languages', c.languages, 'Language codes, separated by commas: en, es, fr.'),
    field('Lead ministry', c.leadMinistry),
    field('How the country frames cyber security', c.framing),
    field('Key sectors', c.sectors, 'Separated by commas: tourism, offshore finance, ports.'),
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
  need(c.country, (v) => v.length > 0, 'Enter the country.');
  c.iso3166.value = c.iso3166.value.trim().toUpperCase();
  need(c.iso3166, (v) => /^[A-Z]{2}$/.test(v), 'Two capital letters, such as JM or XC.');
  need(c.population, (v) => /^[0-9]+$/.test(v) && Number(v) >= 1, 'A whole number, 1 or more.');
  need(c.languages, (v) => list(v).length > 0 && list(v).every((x) => /^[a-z]{2,3}(-[A-Z]{2})?$/.test(x)) && new Set(list(v)).size === list(v).length,
    'One or more different language codes such as en, es or pt-BR.');
  need(c.leadMinistry, (v) => v.length > 0, 'Enter the lead ministry.');
  need(c.sectors, (v) => list(v).every((x) => x.length <= limits().name), `Each sector is at most ${limits().name} characters.`);
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
  const tmpl = templates.map(([id, label, about], i) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'template', value: id, checked: i === 0 }),
    h('span', {}, h('strong', { text: label }), ' — ', about)));
  const today = new Date().toISOString().slice(0, 10);
  const date = h('input', { type: 'date', name: 'date', required: true, value: today });
  const place = input({ name: 'place', maxLength: limits().name });
  const facilitator = input({ name: 'facilitator', maxLength: limits().name });
  const classification = input({ name: 'classification', maxLength: limits().classification, placeholder: 'TLP:AMBER' });
  const langs = app.model.raw.languages.concat(languages.map((l) => l[0]).filter((l) => !app.model.raw.languages.includes(l)));
  const language = h('select', { name: 'language' }, options(langs.map((l) => [l, (languages.find((x) => x[0] === l) || [l, l])[1]]), 'en'));
  const msg = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', {
    id: 'new-session', class: 'panel', novalidate: true,
    on: { submit: async (e) => {
      e.preventDefault();
      const profile = readProfile(c);
      const nameOK = name.value.trim().length > 0;
      setError(name, nameOK ? '' : 'Give the session a name.');
      const dateOK = /^\d{4}-\d{2}-\d{2}$/.test(date.value);
      setError(date, dateOK ? '' : 'Choose the date of the session.');
      if (!profile || !nameOK || !dateOK) {
        msg.hidden = false;
        msg.textContent = 'Some fields need attention.';
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
      session.language = language.value;
      await startSession({ name: name.value.trim(), template, profile, session });
      announce('Session started');
      go('setup');
    } },
  },
  h('h2', { id: 'h-new', text: 'Start a new session' }),
  field('Session name', name, 'For example: Corallia national assessment, day 1.'),
  h('fieldset', {}, h('legend', { text: 'Strategy template' }), tmpl),
  h('fieldset', { class: 'cols' }, h('legend', { text: 'Country profile' }), profileFields(c)),
  h('fieldset', { class: 'cols' }, h('legend', { text: 'The session' }),
    field('Date', date), field('Place', place), field('Facilitator', facilitator),
    field('Classification', classification, `A marking such as TLP:AMBER; at most ${limits().classification} characters.`),
    field('Language of the model text', language)),
  msg,
  h('p', {}, h('button', { type: 'submit', class: 'primary', text: 'Start session' })),
  h('p', { class: 'hint', text: `Stakeholders, points of contact and respondents come next, on the Setup screen. Target profiles: ${app.model.targetProfiles.map((t) => text(t.name, 'en')).join(', ')}.` }));
  return form;
}
