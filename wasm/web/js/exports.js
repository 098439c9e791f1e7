// exports.js makes the files the workbook hands out: strategy drafts in
// every format and the blank questionnaire, computed by the engine in its
// Web Worker (the page stays responsive while it works), and downloaded
// from blob URLs. A task shows its progress in a status element.

import { h, fill, announce } from './dom.js';
import { app } from './app.js';
import { download, size } from './files.js';
import { slug } from './session.js';

// formats are the draft formats, in the order of the download buttons.
export const formats = [
  { id: 'pdf', label: 'PDF', about: 'the strategy document to print and circulate', type: 'application/pdf' },
  { id: 'xlsx', label: 'Excel (XLSX)', about: 'action plan, RACI, KPIs and budget to edit', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { id: 'docx', label: 'Word (DOCX)', about: 'the strategy to rewrite with tracked changes and comments', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { id: 'html', label: 'HTML', about: 'one page for a browser, Word or LibreOffice', type: 'text/html' },
  { id: 'md', label: 'Markdown', about: 'plain text for version control', type: 'text/markdown' },
  { id: 'json', label: 'JSON', about: 'the draft document for other programs', type: 'application/json' },
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

function base() {
  const a = app.session.assessment;
  return `${slug(a.profile.country || 'country', new Set())}-${a.session.date || 'undated'}`;
}

// draftName names a draft file after the country, the session date and
// the document: corallia-2026-10-14-strategy-draft.pdf for all three,
// corallia-2026-10-14-cabinet-brief.pdf for one.
const partNames = { brief: 'cabinet-brief', strategy: 'strategy', plan: 'implementation-plan' };
export function draftName(ext, part = '') {
  return `${base()}-${partNames[part] || 'strategy-draft'}.${ext}`;
}

// questionnaireName names a blank questionnaire:
// corallia-2026-10-14-questionnaire-es.xlsx.
export function questionnaireName(lang) {
  return app.session ? `${base()}-questionnaire-${lang}.xlsx` : `ncskit-questionnaire-${lang}.xlsx`;
}

let busy = false;

// task runs work (which calls the engine) while status shows a progress
// bar and the time spent. The buttons in group are disabled meanwhile. It
// resolves to work's value, or to undefined after showing the error.
export async function task(status, group, label, work) {
  if (busy) {
    fill(status, h('span', { text: 'Another file is being made; try again when it is done.' }));
    return undefined;
  }
  busy = true;
  const buttons = group ? [...group.querySelectorAll('button')] : [];
  const was = buttons.map((b) => b.disabled);
  for (const b of buttons) b.disabled = true;
  const text = h('span', { text: `${label}…` });
  fill(status, h('progress', { 'aria-label': label }), ' ', text);
  status.classList.remove('error');
  const t0 = performance.now();
  const timer = setInterval(() => {
    text.textContent = `${label}… ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  }, 200);
  try {
    return await work();
  } catch (e) {
    fill(status, h('span', { class: 'error', text: `${label} failed: ${e.message}` }));
    status.classList.add('error');
    return undefined;
  } finally {
    clearInterval(timer);
    buttons.forEach((b, i) => { b.disabled = was[i]; });
    busy = false;
  }
}

function record(fn, format, t0, bytes) {
  app.stats.exports = app.stats.exports || [];
  app.stats.exports.push({ fn, format, ms: Math.round(performance.now() - t0), engineMs: Math.round(app.engine.lastMs || 0), bytes });
}

// exportDraft builds the draft in format and downloads it.
export async function exportDraft(status, group, format, options) {
  const f = formats.find((x) => x.id === format);
  const name = draftName(format, options && options.part);
  await task(status, group, `Building the ${f.label} draft`, async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('draft', draftRequest(format, options));
    record('draft', format, t0, bytes.length);
    download(new Blob([bytes], { type: f.type }), name);
    const ms = performance.now() - t0;
    fill(status, h('span', { text: `Downloaded ${name} (${size(bytes.length)}) in ${(ms / 1000).toFixed(1)} s.` }));
    announce(`Downloaded ${name}`);
  });
}

// exportQuestionnaire writes the blank questionnaire in lang and
// downloads it.
export async function exportQuestionnaire(status, group, lang) {
  const name = questionnaireName(lang);
  await task(status, group, 'Writing the questionnaire', async () => {
    const t0 = performance.now();
    const bytes = await app.engine.call('questionnaire', { format: 'xlsx', lang });
    record('questionnaire', lang, t0, bytes.length);
    download(new Blob([bytes], { type: xlsxType }), name);
    fill(status, h('span', { text: `Downloaded ${name} (${size(bytes.length)}). Send one copy to each respondent.` }));
    announce(`Downloaded ${name}`);
  });
}
