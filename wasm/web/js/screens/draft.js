// screens/draft.js: the strategy draft. The template (the session's) and
// the language, a preview made by the draft's HTML renderer, downloads of
// the draft as PDF, XLSX, HTML, Markdown and JSON, and the blank
// questionnaire. The engine computes all of it in its Web Worker, with the
// code of "ncskit draft", so the page stays responsive meanwhile.

import { h, fill, options, documentFrame, announce } from '../dom.js';
import { app, change, sessionLang, problemsList, vocab, pairs, named } from '../app.js';
import { formats, draftRequest, exportDraft, exportQuestionnaire, exportProgress, seconds } from '../exports.js';
import { filesPicker } from '../files.js';
import { t } from '../i18n.js';

export const screen = { id: 'draft', needsSession: true, render, refresh };

let draftLang = ''; // '' means the session's language
let draftPart = 'all'; // the document of the draft: all, brief, strategy or plan
const parts = ['all', 'brief', 'strategy', 'plan'];
let dom = null;
let previewKey = '';
let previewSeq = 0;
let previewTimer = 0;
let resizing = null;

function template() {
  const s = app.session;
  return s.template || (s.assessment.profile.smallIslandState ? 'small-island-state' : 'national');
}

function choices() {
  return { lang: draftLang, template: template(), part: draftPart };
}

function about(id) {
  const x = vocab().templates.find((v) => v.id === id);
  return x ? x.about : '';
}

function render(root) {
  const aboutEl = h('p', { class: 'hint', id: 'template-about', text: about(template()) });
  const tmpl = h('fieldset', { class: 'inline' }, h('legend', { text: t('draft.template') }),
    vocab().templates.map(({ id, name }) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'draft-template', value: id, checked: id === template(), 'aria-describedby': 'template-about', on: { change: () => setTemplate(id) } }),
      ' ', name)), aboutEl);
  const langSel = h('select', { id: 'draft-lang' },
    options([['', t('draft.lang.session', { lang: named('languages', sessionLang()) })], ...pairs('textLanguages')], draftLang));
  langSel.addEventListener('change', () => {
    draftLang = langSel.value;
    updatePreview();
  });
  const partSel = h('select', { id: 'draft-part' }, options(parts.map((p) => [p, t(`draft.part.${p}`)]), draftPart));
  partSel.addEventListener('change', () => {
    draftPart = partSel.value;
    updatePreview();
  });
  const status = h('p', { id: 'export-status', class: 'task', role: 'status' });
  const buttons = h('div', { class: 'downloads', role: 'group', 'aria-labelledby': 'h-draft-downloads' },
    formats.map((f) => h('button', {
      type: 'button', class: f.id === 'pdf' ? 'primary' : '', dataset: { format: f.id }, title: `${t(f.label)}: ${t(f.about)}`,
      text: t(f.label), on: { click: () => exportDraft(status, buttons, f.id, choices()) },
    })));
  let questionnaire = null;
  if (app.engine.has('questionnaire')) {
    const session = sessionLang();
    const qStatus = h('p', { id: 'draft-questionnaire-status', class: 'task', role: 'status' });
    const qLang = h('select', { id: 'draft-questionnaire-lang', 'aria-label': t('draft.quest.lang') },
      options(pairs('textLanguages'), vocab().textLanguages.some((l) => l.id === session) ? session : 'en'));
    const qGroup = h('div', { class: 'row' }, qLang,
      h('button', { type: 'button', id: 'draft-questionnaire', text: t('draft.quest.download'), title: t('draft.quest.download.title'), on: { click: () => exportQuestionnaire(qStatus, qGroup, qLang.value) } }));
    questionnaire = h('div', { class: 'questionnaire' }, h('h2', { class: 'label', text: t('draft.quest') }), qGroup, qStatus);
  }
  let followup = null;
  if (app.engine.has('progress')) {
    const fStatus = h('p', { id: 'draft-followup-status', class: 'task', role: 'status' });
    const fFormat = h('select', { id: 'draft-followup-format', 'aria-label': t('followup.format') }, options([['pdf', 'PDF'], ['html', 'HTML']], 'pdf'));
    const picker = filesPicker(t('followup.open'), '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      (files) => exportProgress(fStatus, fGroup, files[0], fFormat.value));
    picker.input.id = 'draft-followup-file';
    picker.button.id = 'draft-followup';
    picker.button.title = t('followup.open.title');
    const fGroup = h('div', { class: 'row' }, fFormat, picker.button, picker.input);
    followup = h('div', { class: 'followup' }, h('h2', { class: 'label', text: t('followup.title') }), fGroup, fStatus);
  }
  const problems = h('div', { id: 'draft-problems' });
  const previewStatus = h('span', { id: 'preview-status', role: 'status' });
  const frameBox = h('div', { class: 'preview' });
  root.append(h('h1', { class: 'visually-hidden', text: t('screen.draft') }),
    h('section', { class: 'panel draft-controls', 'aria-label': t('draft.controls') },
      h('div', { class: 'part' }, tmpl, h('div', { class: 'field inline' }, h('label', { for: 'draft-lang', text: t('draft.lang') }), langSel),
        h('div', { class: 'field inline' }, h('label', { for: 'draft-part', text: t('draft.part') }), partSel)),
      h('div', { class: 'part' },
        h('div', {}, h('h2', { class: 'label', id: 'h-draft-downloads', text: t('draft.download') }), buttons, status),
        questionnaire, followup)),
    problems,
    h('section', { class: 'preview-panel', 'aria-labelledby': 'h-preview' },
      h('h2', { id: 'h-preview' }, t('draft.preview'), ' ', previewStatus), frameBox));
  dom = { root, buttons, problems, previewStatus, frameBox, about: aboutEl, frame: null };
  // The controls change height with the window and in projector mode.
  if (resizing) resizing.disconnect();
  resizing = new ResizeObserver(fitFrame);
  resizing.observe(root.querySelector('.draft-controls'));
  previewKey = '';
  showProblems();
  updatePreview();
}

// refresh follows a new score: the preview is redrawn a moment after the
// last change.
function refresh() {
  if (!dom || !document.body.contains(dom.root)) return;
  showProblems();
  clearTimeout(previewTimer);
  previewTimer = setTimeout(updatePreview, 400);
}

function showProblems() {
  const bad = !app.result;
  for (const b of dom.buttons.querySelectorAll('button')) b.disabled = bad;
  if (bad) {
    fill(dom.problems, h('div', { class: 'banner', role: 'alert' },
      h('p', { text: t('draft.problems') }),
      problemsList(app.problems || [])));
    if (dom.frame) fill(dom.previewStatus, t('draft.preview.stale'));
    previewKey = '';
  } else {
    fill(dom.problems);
  }
}

function setTemplate(id) {
  if (id === app.session.template) return;
  change({ what: 'template', value: id, note: t('note.template', { id }) }, () => { app.session.template = id; });
  dom.about.textContent = about(id);
  announce(t('draft.template.set', { template: named('templates', id) }));
  updatePreview();
}

// fitFrame makes the preview fill the window below the controls, so that
// the whole screen reads as the document with its toolbar.
function fitFrame() {
  if (!dom || !dom.frame || !document.body.contains(dom.frame)) return;
  const top = dom.frameBox.getBoundingClientRect().top + window.scrollY;
  dom.frame.style.height = `${Math.max(320, window.innerHeight - top - 16)}px`;
  // On a projector the room reads the draft: enlarge it.
  try {
    const doc = dom.frame.contentDocument;
    if (doc && doc.documentElement) doc.documentElement.style.zoom = document.documentElement.classList.contains('projector') ? '1.5' : '';
  } catch (e) {
    // the size of the preview is a convenience
  }
}

window.addEventListener('resize', fitFrame);

// forPreview adapts the draft's HTML to the page's Content-Security-
// Policy, which the preview frame keeps: it refuses inline style
// attributes, and the renderer's only ones are the column widths of its
// tables (<col style="width:25.0%">), which become width attributes.
function forPreview(html) {
  return html.replace(/<col style="width:([0-9.]+%)">/g, '<col width="$1">');
}

// updatePreview asks the engine for the HTML draft and shows it, unless
// the request is the one already shown.
async function updatePreview() {
  if (!dom || !document.body.contains(dom.root) || !app.result) return;
  const key = JSON.stringify(draftRequest('html', choices()));
  if (key === previewKey) return;
  previewKey = key;
  const seq = ++previewSeq;
  fill(dom.previewStatus, h('progress', { 'aria-label': t('draft.preview.updating.label') }), ' ', t('draft.preview.updating'));
  const t0 = performance.now();
  let bytes;
  try {
    bytes = await app.engine.call('draft', key);
  } catch (e) {
    if (seq !== previewSeq) return;
    previewKey = '';
    fill(dom.previewStatus, h('span', { class: 'error', text: t('draft.preview.failed', { reason: e.message }) }));
    return;
  }
  if (seq !== previewSeq || !document.body.contains(dom.root)) return;
  const html = forPreview(new TextDecoder().decode(bytes));
  const old = dom.frame;
  let y = 0;
  try {
    y = old ? old.contentWindow.scrollY : 0;
  } catch (e) {
    y = 0;
  }
  const frame = documentFrame({ id: 'draft-preview', title: t('draft.preview.title') }, html);
  frame.addEventListener('load', () => {
    try {
      if (y) frame.contentWindow.scrollTo(0, y);
    } catch (e) {
      // the scroll position is a convenience
    }
    fitFrame();
    document.documentElement.dataset.ncskitPreview = String(seq);
  }, { once: true });
  if (old) old.replaceWith(frame);
  else dom.frameBox.append(frame);
  dom.frame = frame;
  fitFrame();
  const ms = performance.now() - t0;
  app.stats.preview = app.stats.preview || [];
  app.stats.preview.push(Math.round(ms));
  fill(dom.previewStatus, t('draft.preview.done', { time: new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }), s: seconds(ms) }));
}
