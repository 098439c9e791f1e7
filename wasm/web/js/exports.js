// exports.js makes the files the workbook hands out: strategy drafts in
// every format and the blank questionnaire, computed by the engine in its
// Web Worker (the page stays responsive while it works), and downloaded
// from blob URLs. A task shows its progress in a status element.

import { h, fill, announce } from './dom.js';
import { app } from './app.js';
import { download, size, toBase64 } from './files.js';
import { slug } from './session.js';
import { t, tIn } from './i18n.js';

// formats are the draft formats, in the order of the download buttons;
// label and about are keys of text.json.
export const formats = [
  { id: 'pdf', label: 'format.pdf', about: 'format.pdf.about', type: 'application/pdf' },
  { id: 'xlsx', label: 'format.xlsx', about: 'format.xlsx.about', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { id: 'docx', label: 'format.docx', about: 'format.docx.about', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { id: 'html', label: 'format.html', about: 'format.html.about', type: 'text/html' },
  { id: 'md', label: 'format.md', about: 'format.md.about', type: 'text/markdown' },
  { id: 'json', label: 'format.json', about: 'format.json.about', type: 'application/json' },
];

const xlsxType = formats[1].type;

// draftRequest is the engine's request for the open session's draft.
export function draftRequest(format, { lang = '', template = '', part = '' } = {}) {
  const r = { assessment: app.session.assessment, format };
  if (lang) r.lang = lang;
  if (template) r.template = template;
  if (part && part !== 'all') r.part = part;
  return r;
}

function base(lang) {
  const a = app.session.assessment;
  return `${slug(a.profile.country || tIn(lang, 'file.country'), new Set())}-${a.session.date || tIn(lang, 'file.undated')}`;
}

// draftName names a draft file after the country, the session date and
// the document, in the draft's language: corallia-2026-10-14-strategy-draft.pdf
// for all three, corallia-2026-10-14-cabinet-brief.pdf for one
// (corallia-2026-10-14-borrador-de-estrategia.pdf in Spanish).
export function draftName(ext, part = '', lang = 'en') {
  return `${base(lang)}-${tIn(lang, `file.${part && part !== 'all' ? part : 'draft'}`)}.${ext}`;
}

// questionnaireName names a blank questionnaire in its language:
// corallia-2026-10-14-questionnaire-en.xlsx, ...-cuestionario-es.xlsx.
export function questionnaireName(lang) {
  const word = tIn(lang, 'file.questionnaire');
  return app.session ? `${base(lang)}-${word}-${lang}.xlsx` : `ncskit-${word}-${lang}.xlsx`;
}

let busy = false;

// task runs work (which calls the engine) while status shows a progress
// bar and the time spent. The buttons in group are disabled meanwhile. It
// resolves to work's value, or to undefined after showing the error.
export async function task(status, group, label, work) {
  if (busy) {
    fill(status, h('span', { text: t('task.busy') }));
    return undefined;
  }
  busy = true;
  const buttons = group ? [...group.querySelectorAll('button')] : [];
  const was = buttons.map((b) => b.disabled);
  for (const b of buttons) b.disabled = true;
  const text = h('span', { text: t('task.running', { task: label }) });
  fill(status, h('progress', { 'aria-label': label }), ' ', text);
  status.classList.remove('error');
  const t0 = performance.now();
  const timer = setInterval(() => {
    text.textContent = t('task.running.s', { task: label, s: seconds(performance.now() - t0) });
  }, 200);
  try {
    return await work();
  } catch (e) {
    fill(status, h('span', { class: 'error', text: t('task.failed', { task: label, reason: e.message }) }));
    status.classList.add('error');
    return undefined;
  } finally {
    clearInterval(timer);
    buttons.forEach((b, i) => { b.disabled = was[i]; });
    busy = false;
  }
}

// seconds writes a duration in ms as seconds with one decimal, as the
// page's language writes numbers.
export function seconds(ms) {
  return (ms / 1000).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function record(fn, format, t0, bytes) {
  app.stats.exports = app.stats.exports || [];
  app.stats.exports.push({ fn, format, ms: Math.round(performance.now() - t0), engineMs: Math.round(app.engine.lastMs || 0), bytes });
}

// exportDraft builds the draft in format and downloads it.
export async function exportDraft(status, group, format, options) {
  const f = formats.find((x) => x.id === format);
  const name = draftName(format, options && options.part, (options && options.lang) || (app.session.assessment.session.language || 'en'));
  await task(status, group, t('draft.building', { format: t(f.label) }), async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('draft', draftRequest(format, options));
    record('draft', format, t0, bytes.length);
    download(new Blob([bytes], { type: f.type }), name);
    const ms = performance.now() - t0;
    fill(status, h('span', { text: t('draft.downloaded', { name, size: size(bytes.length), s: seconds(ms) }) }));
    announce(t('downloaded', { name }));
  });
}

// exportQuestionnaire writes the blank questionnaire in lang and
// downloads it.
export async function exportQuestionnaire(status, group, lang) {
  const name = questionnaireName(lang);
  await task(status, group, t('quest.writing'), async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('questionnaire', { format: 'xlsx', lang });
    record('questionnaire', lang, t0, bytes.length);
    download(new Blob([bytes], { type: xlsxType }), name);
    fill(status, h('span', { text: t('quest.downloaded', { name, size: size(bytes.length) }) }));
    announce(t('downloaded', { name }));
  });
}

// progressTypes are the media types of the progress report's formats.
const progressTypes = { pdf: 'application/pdf', html: 'text/html' };

// exportProgress reads a filled follow-up workbook (the XLSX draft with
// reports on its Reporting sheet) and downloads its progress report, the
// bytes "ncskit progress" writes; a workbook with problems is refused with
// each problem located at its sheet and cell.
export async function exportProgress(status, group, file, format) {
  const name = `${file.name.replace(/\.xlsx$/i, '')}-${t('file.progress')}.${format}`;
  await task(status, group, t('followup.reading', { file: file.name }), async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('progress', { file: { name: file.name, data: toBase64(file.bytes) }, format });
    record('progress', format, t0, bytes.length);
    download(new Blob([bytes], { type: progressTypes[format] }), name);
    fill(status, h('span', { text: t('followup.downloaded', { name, size: size(bytes.length) }) }));
    announce(t('downloaded', { name }));
  });
}
