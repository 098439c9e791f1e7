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
import { task, seconds } from '../exports.js';
import { t, tn, tIn, language } from '../i18n.js';

export const screen = { id: 'region', render, refresh() {} };

// regionFormats are the formats of the download buttons; label and about
// are keys of text.json.
const regionFormats = [
  { id: 'pdf', label: 'format.pdf', about: 'region.pdf.about', type: 'application/pdf', ext: 'pdf' },
  { id: 'xlsx', label: 'format.xlsx', about: 'region.xlsx.about', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  { id: 'html', label: 'format.html', about: 'region.html.about', type: 'text/html', ext: 'html' },
  { id: 'json', label: 'format.json', about: 'region.json.about', type: 'application/json', ext: 'json' },
  { id: 'vcf', label: 'region.vcf', about: 'region.vcf.about', type: 'text/vcard', ext: 'vcf' },
];

// The parts of the report the screen shows, by the key of their tables.
const shown = ['s.heat', 's.gaps', 's.programmes', 's.directory', 's.notes'];

// files are the files chosen, {name, text}; they last as long as the
// window, whichever screen is shown.
let files = [];
let anonymise = false;
let view = null; // the engine's last answer, for files and anonymise
let viewLang = ''; // the page language the answer is written in
let seq = 0;
let dom = null;

function render(root) {
  const picker = filesPicker(t('region.add'), '.json,application/json', add);
  picker.input.id = 'region-open';
  picker.button.id = 'region-add';
  const own = app.session
    ? h('button', { type: 'button', id: 'region-add-session', text: t('region.add-session', { name: app.session.assessment.profile.country || app.session.name }), on: { click: addSession } })
    : null;
  const anon = h('input', { type: 'checkbox', id: 'region-anonymise', checked: anonymise, 'aria-describedby': 'region-anonymise-about', on: { change: () => { anonymise = anon.checked; compare(); } } });
  const list = h('div', { id: 'region-files' });
  const status = h('p', { id: 'region-status', class: 'task', role: 'status' });
  const buttons = h('div', { class: 'downloads', role: 'group', 'aria-label': t('region.download.as') },
    regionFormats.map((f) => h('button', {
      type: 'button', class: f.id === 'pdf' ? 'primary' : '', dataset: { format: f.id }, title: `${t(f.label)}: ${t(f.about)}`,
      text: t(f.label), on: { click: () => exportRegion(f) },
    })));
  const out = h('div', { id: 'region-view' });
  root.append(h('h1', { text: t('region.title'), tabindex: -1 }),
    h('section', { class: 'panel region-controls', 'aria-label': t('region.controls') },
      h('div', { class: 'part' },
        h('h2', { class: 'label', id: 'h-region-files', text: t('region.states') }),
        h('p', { class: 'hint', text: t('region.states.about') }),
        h('div', { class: 'row' }, picker.button, picker.input, own,
          h('button', { type: 'button', id: 'region-clear', text: t('region.clear'), on: { click: clear } })),
        list),
      h('div', { class: 'part' },
        h('h2', { class: 'label', id: 'h-region-downloads', text: t('region.download') }),
        h('p', {}, h('label', {}, anon, ' ', t('region.anonymise'))),
        h('p', { class: 'hint', id: 'region-anonymise-about', text: t('region.anonymise.about') }),
        buttons, status)),
    out);
  dom = { list, out, status, buttons };
  drawFiles();
  // The engine writes the view in the page's language: a view in another
  // is asked for again.
  if (view && viewLang !== language()) compare();
  else drawView();
}

async function add(chosen) {
  const dec = new TextDecoder();
  for (const f of chosen) {
    const text = dec.decode(f.bytes);
    const same = files.findIndex((x) => x.name === f.name);
    if (same >= 0) files[same] = { name: f.name, text };
    else files.push({ name: f.name, text });
  }
  announce(tn('region.added', chosen.length, { all: files.length }));
  compare();
}

// addSession adds the open session's assessment, as it is now.
function addSession() {
  const a = app.session.assessment;
  const name = `${app.session.name} (${t('region.open-session')})`;
  const text = JSON.stringify(a);
  const same = files.findIndex((x) => x.name === name);
  if (same >= 0) files[same] = { name, text };
  else files.push({ name, text });
  announce(t('added', { name }));
  compare();
}

function clear() {
  files = [];
  view = null;
  compare();
}

function remove(i) {
  const [gone] = files.splice(i, 1);
  announce(t('removed', { name: gone.name }));
  compare();
  const next = dom && dom.list.querySelector('button.remove');
  (next || document.getElementById('region-add')).focus();
}

function drawFiles() {
  if (!dom) return;
  if (!files.length) {
    fill(dom.list, h('p', { class: 'hint', text: t('region.no-file') }));
    return;
  }
  fill(dom.list, h('ul', { class: 'region-files' }, files.map((f, i) => h('li', {},
    h('span', { class: 'name', text: f.name }), ' ', h('span', { class: 'hint', text: size(f.text.length) }), ' ',
    h('button', { type: 'button', class: 'remove', 'aria-label': t('remove.label', { name: f.name }), text: t('remove'), on: { click: () => remove(i) } })))));
}

function request(format) {
  const r = { files, lang: language() };
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
  if (dom) fill(dom.out, h('p', { role: 'status', text: tn('region.comparing', files.length) }));
  const asked = language();
  let got;
  try {
    got = await app.engine.call('region', request());
  } catch (e) {
    got = { error: e.message };
  }
  if (mine !== seq) return;
  view = got;
  viewLang = asked;
  drawView();
}

function drawView() {
  if (!dom) return;
  const out = dom.out;
  for (const b of dom.buttons.querySelectorAll('button')) b.disabled = !(view && view.tables && view.tables.length);
  if (!view) {
    fill(out, h('p', { class: 'hint', text: t('region.empty') }));
    return;
  }
  if (view.error) {
    fill(out, h('p', { class: 'error', role: 'alert', text: t('region.failed', { reason: view.error }) }));
    return;
  }
  if (view.problems.length) {
    fill(out, h('div', { role: 'alert' },
      h('p', { class: 'error', text: tn('region.problems', view.problems.length) }),
      problemsList(view.problems)));
    return;
  }
  const parts = [];
  view.tables.forEach((tb, i) => {
    if (!shown.includes(tb.key)) return;
    parts.push(part(tb, i));
  });
  fill(out, h('p', { class: ['region-marking', view.anonymised ? 'public' : ''], id: 'region-marking', text: view.marking }),
    h('p', { class: 'hint', text: view.subtitle }), parts);
}

// part draws one table of the report under its heading.
function part(tb, i) {
  const id = `region-t${i + 1}`;
  const heat = tb.key === 's.heat';
  const children = [h('h2', { id: `${id}-h`, text: tb.title })];
  if (tb.note) children.push(h('p', { class: 'hint', text: tb.note }));
  if (heat) children.push(legend());
  if (tb.key === 's.programmes') {
    // A proposal is a record of long texts: one card each reads better on
    // a screen than a table wider than it.
    children.push(h('ol', { class: 'region-records' }, tb.rows.map((row) => h('li', {},
      h('h3', { text: `${row[0].text}: ${row[1].text}` }),
      h('dl', {}, row.slice(2).flatMap((c, k) => (c.text ? [h('dt', { text: tb.head[k + 2] }), h('dd', { text: c.text })] : [])))))));
    return h('section', { class: 'panel region-part', id, dataset: { key: tb.key } }, children);
  }
  if (tb.key === 's.notes') {
    children.push(h('ul', {}, tb.rows.map((row) => h('li', { text: row[0].text }))));
    return h('section', { class: 'panel region-part', id, dataset: { key: tb.key } }, children);
  }
  const table = h('table', { class: ['region', heat ? 'region-heat' : ''] },
    h('thead', {}, h('tr', {}, tb.head.map((name) => (name
      ? h('th', { scope: 'col' }, breakable(name))
      : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('col.name') })))))),
    h('tbody', {}, tb.rows.map((row) => h('tr', {}, row.map((c, k) => cell(c, k, heat))))));
  // A wide table scrolls on its own; the box takes the focus, so that a
  // keyboard scrolls it too.
  children.push(h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-h` }, table));
  return h('section', { class: 'panel region-part', id, dataset: { key: tb.key } }, children);
}

// breakable lets a code such as GOV.STR break after its dot.
function breakable(name) {
  const parts = name.split('.');
  return parts.flatMap((p, i) => (i < parts.length - 1 ? [`${p}.`, h('wbr')] : [p]));
}

function cell(c, k, heat) {
  if (heat && k === 0) return h('th', { scope: 'row', text: c.text });
  if (c.noLevel) return h('td', { class: 'rnone' }, h('span', { class: 'visually-hidden', text: t('region.no-level') }));
  if (c.shade !== undefined) {
    // Progress over target, on two lines, to keep the columns narrow.
    const [progress, target] = c.text.split(' / ');
    return h('td', { class: `rh rh${c.shade}` }, `${progress} `, h('br'), `/ ${target}`);
  }
  return h('td', { class: c.num ? 'num' : '', text: c.text });
}

function legend() {
  return h('ul', { class: 'region-legend', 'aria-label': t('region.legend') }, view.legend.map((l) => h('li', {},
    h('span', { class: ['swatch', l.noLevel ? 'rnone' : `rh${l.shade}`], 'aria-hidden': 'true' }), ' ', l.label)));
}

// fileName names a report file in its language (the page's):
// ncskit-region-3-states.pdf, ncskit-region-3-estados-anonimizado.pdf.
function fileName(f) {
  const L = viewLang || 'en';
  return `ncskit-region-${view.states}-${tIn(L, 'file.states')}${anonymise ? `-${tIn(L, 'file.anonymised')}` : ''}.${f.ext}`;
}

async function exportRegion(f) {
  const name = fileName(f);
  await task(dom.status, dom.buttons, t('region.building', { format: t(f.label) }), async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('regionReport', request(f.id));
    download(new Blob([bytes], { type: f.type }), name);
    fill(dom.status, h('span', { text: t('draft.downloaded', { name, size: size(bytes.length), s: seconds(performance.now() - t0) }) }));
    announce(t('downloaded', { name }));
  });
}
