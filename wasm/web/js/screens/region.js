// screens/region.js: the regional view, for a secretariat that compares
// states. It opens the session or assessment files of several states
// (one per state and round), and shows what "ncskit region" makes of
// them: the heat map of progress against target, the gaps most states
// share with the regional programmes proposed for them, and the
// points-of-contact directory; and downloads the regional report as PDF,
// XLSX, HTML, JSON or vCard. The engine reads and compares the files in
// its Web Worker; the files stay in this window, never in the browser's
// storage, and the open session is read, never changed.

import { h, fill, announce } from '../dom.js';
import { app, problemsList } from '../app.js';
import { filesPicker, download, size } from '../files.js';
import { task } from '../exports.js';

export const screen = { id: 'region', title: 'Region', render, refresh() {} };

// regionFormats are the formats of the download buttons.
const regionFormats = [
  { id: 'pdf', label: 'PDF', about: 'the regional report to print', type: 'application/pdf', ext: 'pdf' },
  { id: 'xlsx', label: 'Excel (XLSX)', about: 'a sheet per part, to sort and filter', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  { id: 'html', label: 'HTML', about: 'one page for a browser', type: 'text/html', ext: 'html' },
  { id: 'json', label: 'JSON', about: 'the report as data for other programs', type: 'application/json', ext: 'json' },
  { id: 'vcf', label: 'vCard', about: 'the points-of-contact directory for a phone or address book', type: 'text/vcard', ext: 'vcf' },
];

// The parts of the report the screen shows, by the key of their tables.
const shown = ['s.heat', 's.gaps', 's.programmes', 's.directory', 's.notes'];

// files are the files chosen, {name, text}; they last as long as the
// window, whichever screen is shown.
let files = [];
let anonymise = false;
let view = null; // the engine's last answer, for files and anonymise
let seq = 0;
let dom = null;

function render(root) {
  const picker = filesPicker('Add files…', '.json,application/json', add);
  picker.input.id = 'region-open';
  picker.button.id = 'region-add';
  const own = app.session
    ? h('button', { type: 'button', id: 'region-add-session', text: `Add the open session (${app.session.assessment.profile.country || app.session.name})`, on: { click: addSession } })
    : null;
  const anon = h('input', { type: 'checkbox', id: 'region-anonymise', checked: anonymise, 'aria-describedby': 'region-anonymise-about', on: { change: () => { anonymise = anon.checked; compare(); } } });
  const list = h('div', { id: 'region-files' });
  const status = h('p', { id: 'region-status', class: 'task', role: 'status' });
  const buttons = h('div', { class: 'downloads', role: 'group', 'aria-label': 'Download the regional report as' },
    regionFormats.map((f) => h('button', {
      type: 'button', class: f.id === 'pdf' ? 'primary' : '', dataset: { format: f.id }, title: `${f.label}: ${f.about}`,
      text: f.label, on: { click: () => exportRegion(f) },
    })));
  const out = h('div', { id: 'region-view' });
  root.append(h('h1', { text: 'Regional view', tabindex: -1 }),
    h('section', { class: 'panel region-controls', 'aria-label': 'States to compare and the report' },
      h('div', { class: 'part' },
        h('h2', { class: 'label', id: 'h-region-files', text: 'States to compare' }),
        h('p', { class: 'hint', text: 'Open the session or assessment files of the states, one file per state and round: rounds of one state are told apart by their session dates. ' +
          'The files are read in this window only; they are not kept in the browser, and the session open here is not changed.' }),
        h('div', { class: 'row' }, picker.button, picker.input, own,
          h('button', { type: 'button', id: 'region-clear', text: 'Remove all', on: { click: clear } })),
        list),
      h('div', { class: 'part' },
        h('h2', { class: 'label', id: 'h-region-downloads', text: 'Download the regional report' }),
        h('p', {}, h('label', {}, anon, ' Anonymise for publication')),
        h('p', { class: 'hint', id: 'region-anonymise-about', text: 'States shown as codes; no names of persons or institutions, no evidence.' }),
        buttons, status)),
    out);
  dom = { list, out, status, buttons };
  drawFiles();
  drawView();
}

async function add(chosen) {
  const dec = new TextDecoder();
  for (const f of chosen) {
    const text = dec.decode(f.bytes);
    const same = files.findIndex((x) => x.name === f.name);
    if (same >= 0) files[same] = { name: f.name, text };
    else files.push({ name: f.name, text });
  }
  announce(`${chosen.length} file${chosen.length > 1 ? 's' : ''} added; ${files.length} in all`);
  compare();
}

// addSession adds the open session's assessment, as it is now.
function addSession() {
  const a = app.session.assessment;
  const name = `${app.session.name} (open session)`;
  const text = JSON.stringify(a);
  const same = files.findIndex((x) => x.name === name);
  if (same >= 0) files[same] = { name, text };
  else files.push({ name, text });
  announce(`Added ${name}`);
  compare();
}

function clear() {
  files = [];
  view = null;
  compare();
}

function remove(i) {
  const [gone] = files.splice(i, 1);
  announce(`Removed ${gone.name}`);
  compare();
  const next = dom && dom.list.querySelector('button.remove');
  (next || document.getElementById('region-add')).focus();
}

function drawFiles() {
  if (!dom) return;
  if (!files.length) {
    fill(dom.list, h('p', { class: 'hint', text: 'No file yet.' }));
    return;
  }
  fill(dom.list, h('ul', { class: 'region-files' }, files.map((f, i) => h('li', {},
    h('span', { class: 'name', text: f.name }), ' ', h('span', { class: 'hint', text: size(f.text.length) }), ' ',
    h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${f.name}`, text: 'Remove', on: { click: () => remove(i) } })))));
}

function request(format) {
  const r = { files };
  if (format) r.format = format;
  if (anonymise) r.anonymise = true;
  return r;
}

// compare asks the engine for the view of the files chosen; an answer
// that a later change has overtaken is dropped.
async function compare() {
  drawFiles();
  const mine = ++seq;
  if (!files.length) {
    view = null;
    drawView();
    return;
  }
  if (dom) fill(dom.out, h('p', { role: 'status', text: `Comparing ${files.length} file${files.length > 1 ? 's' : ''}…` }));
  let got;
  try {
    got = await app.engine.call('region', request());
  } catch (e) {
    got = { error: e.message };
  }
  if (mine !== seq) return;
  view = got;
  drawView();
}

function drawView() {
  if (!dom) return;
  const out = dom.out;
  for (const b of dom.buttons.querySelectorAll('button')) b.disabled = !(view && view.tables && view.tables.length);
  if (!view) {
    fill(out, h('p', { class: 'hint', text: 'Add the files of two or more states to see the heat map, the shared gaps and the directory.' }));
    return;
  }
  if (view.error) {
    fill(out, h('p', { class: 'error', role: 'alert', text: `The files could not be compared: ${view.error}` }));
    return;
  }
  if (view.problems.length) {
    fill(out, h('div', { role: 'alert' },
      h('p', { class: 'error', text: `The files could not be compared: ${view.problems.length} problem${view.problems.length > 1 ? 's' : ''}. Remove or correct the files named.` }),
      problemsList(view.problems)));
    return;
  }
  const parts = [];
  view.tables.forEach((t, i) => {
    if (!shown.includes(t.key)) return;
    parts.push(part(t, i));
  });
  fill(out, h('p', { class: ['region-marking', view.anonymised ? 'public' : ''], id: 'region-marking', text: view.marking }),
    h('p', { class: 'hint', text: view.subtitle }), parts);
}

// part draws one table of the report under its heading.
function part(t, i) {
  const id = `region-t${i + 1}`;
  const heat = t.key === 's.heat';
  const children = [h('h2', { id: `${id}-h`, text: t.title })];
  if (t.note) children.push(h('p', { class: 'hint', text: t.note }));
  if (heat) children.push(legend());
  if (t.key === 's.programmes') {
    // A proposal is a record of long texts: one card each reads better on
    // a screen than a table wider than it.
    children.push(h('ol', { class: 'region-records' }, t.rows.map((row) => h('li', {},
      h('h3', { text: `${row[0].text}: ${row[1].text}` }),
      h('dl', {}, row.slice(2).flatMap((c, k) => (c.text ? [h('dt', { text: t.head[k + 2] }), h('dd', { text: c.text })] : [])))))));
    return h('section', { class: 'panel region-part', id, dataset: { key: t.key } }, children);
  }
  if (t.key === 's.notes') {
    children.push(h('ul', {}, t.rows.map((row) => h('li', { text: row[0].text }))));
    return h('section', { class: 'panel region-part', id, dataset: { key: t.key } }, children);
  }
  const table = h('table', { class: ['region', heat ? 'region-heat' : ''] },
    h('thead', {}, h('tr', {}, t.head.map((name) => (name
      ? h('th', { scope: 'col' }, breakable(name))
      : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Name' })))))),
    h('tbody', {}, t.rows.map((row) => h('tr', {}, row.map((c, k) => cell(c, k, heat))))));
  // A wide table scrolls on its own; the box takes the focus, so that a
  // keyboard scrolls it too.
  children.push(h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-h` }, table));
  return h('section', { class: 'panel region-part', id, dataset: { key: t.key } }, children);
}

// breakable lets a code such as GOV.STR break after its dot.
function breakable(name) {
  const parts = name.split('.');
  return parts.flatMap((p, i) => (i < parts.length - 1 ? [`${p}.`, h('wbr')] : [p]));
}

function cell(c, k, heat) {
  if (heat && k === 0) return h('th', { scope: 'row', text: c.text });
  if (c.noLevel) return h('td', { class: 'rnone' }, h('span', { class: 'visually-hidden', text: 'no level' }));
  if (c.shade !== undefined) {
    // Progress over target, on two lines, to keep the columns narrow.
    const [progress, target] = c.text.split(' / ');
    return h('td', { class: `rh rh${c.shade}` }, `${progress} `, h('br'), `/ ${target}`);
  }
  return h('td', { class: c.num ? 'num' : '', text: c.text });
}

function legend() {
  return h('ul', { class: 'region-legend', 'aria-label': 'Shades of the heat map' }, view.legend.map((l) => h('li', {},
    h('span', { class: ['swatch', l.noLevel ? 'rnone' : `rh${l.shade}`], 'aria-hidden': 'true' }), ' ', l.label)));
}

function fileName(f) {
  return `ncskit-region-${view.states}-states${anonymise ? '-anonymised' : ''}.${f.ext}`;
}

async function exportRegion(f) {
  const name = fileName(f);
  await task(dom.status, dom.buttons, `Building the ${f.label} report`, async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('regionReport', request(f.id));
    download(new Blob([bytes], { type: f.type }), name);
    fill(dom.status, h('span', { text: `Downloaded ${name} (${size(bytes.length)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s.` }));
    announce(`Downloaded ${name}`);
  });
}
