// screens/assess.js: pillar → area → indicator cards. Each respondent's
// answer (level, n/a or unknown; target; provision; confidence; person-
// dependent; evidence), and a consensus view with every respondent's
// level, the spread, the disagreement flag and the agreed level with its
// rationale and dissent. Keys: 1-5 level, 0 or n n/a, u unknown, Delete
// clears, arrows move between indicators, [ and ] change respondent, c
// toggles the consensus view.

import { h, fill, field, setError, options, announce, editing, toast, onChoose, colHeads } from '../dom.js';
import { app, change, go, lang, limits, problemText, undo, askPreview, previewed } from '../app.js';
import { text, levelLabel } from '../model.js';
import { responseIndex, agreedIndex } from '../session.js';
import { t, tn } from '../i18n.js';

export const screen = { id: 'assess', needsSession: true, render, refresh, onKey, skip, skipLabel: 'skip.answer', ahead };

const CONSENSUS = 'consensus';
let dom = null; // the parts of the screen that refresh() updates

function a() {
  return app.session.assessment;
}

export function scoresById() {
  const map = new Map();
  if (!app.result) return map;
  for (const p of app.result.pillars) for (const ar of p.areas) for (const i of ar.indicators) map.set(i.id, i);
  return map;
}

function respondentName(id) {
  const r = a().respondents.find((x) => x.id === id);
  return r ? r.name : id;
}

function stakeholderName(id) {
  if (!id) return t('assess.desk');
  const s = a().stakeholders.find((x) => x.id === id);
  return s ? s.name : id;
}

function render(root) {
  const m = app.model;
  if (!m.indicator(app.view.indicator)) app.view.indicator = m.indicators[0].id;
  const resp = a().respondents;
  if (app.view.respondent !== CONSENSUS && !resp.some((r) => r.id === app.view.respondent)) {
    app.view.respondent = resp.length ? resp[0].id : CONSENSUS;
  }
  const nav = h('nav', { class: 'tree', 'aria-label': t('assess.indicators') });
  const marks = new Map();
  for (const p of m.pillars) {
    nav.append(h('h2', { class: 'pillar', text: `${p.id} ${text(p.name, lang())}` }));
    for (const ar of p.areas) {
      const items = ar.indicators.map((ind) => {
        const mark = h('span', { class: 'mark', 'aria-hidden': 'true' });
        const label = h('span', { class: 'visually-hidden' });
        marks.set(ind.id, { mark, label });
        return h('li', {}, h('button', {
          type: 'button', class: 'ind', dataset: { ind: ind.id },
          on: { click: () => show(ind.id) },
        }, h('span', { class: 'id', text: ind.id }), h('span', { class: 't', text: text(ind.title, lang()) }), mark, label));
      });
      nav.append(h('h3', { class: 'area', text: `${ar.id} ${text(ar.name, lang())}` }), h('ul', {}, items));
    }
  }
  const who = h('select', { id: 'respondent' }, options([
    ...resp.map((r) => [r.id, `${r.name} (${stakeholderName(r.stakeholder)})`]),
    [CONSENSUS, t('assess.consensus.all')],
  ], app.view.respondent));
  onChoose(who, (v) => show(app.view.indicator, v, true));
  const card = h('article', { class: 'card', 'aria-labelledby': 'ind-title' });
  const noResp = resp.length ? null : h('p', { class: 'banner', text: t('assess.no-respondent') });
  root.append(h('h1', { class: 'visually-hidden', text: t('screen.assess') }),
    h('div', { class: 'assess' }, nav, h('div', { class: 'work' },
      noResp,
      h('div', { class: 'who' }, field(t('assess.as'), who)),
      card,
      h('p', { class: 'keys', text: t('assess.keys') }))));
  dom = { nav, marks, who, card };
  drawCard();
  refresh();
  ahead();
}

// ahead has the engine score the answers the shown respondent could give
// to the shown indicator, so that a level key draws the strip in the
// frame of the key (see setLevel).
function ahead() {
  if (dom && app.view.respondent !== CONSENSUS) askPreview(app.view.indicator, app.view.respondent);
}

// show moves to an indicator and/or respondent.
function show(id, respondent = app.view.respondent, focus = false) {
  go('assess', { indicator: id, respondent });
  if (focus) document.getElementById('ind-title').focus();
}

// skip is where the skip link lands: the answer's chosen level (or its
// first), or in the consensus view the agreed level.
function skip() {
  const to = document.getElementById('agreed-level') || dom.card.querySelector('button.level[aria-pressed=true]') || dom.card.querySelector('button.level');
  if (!to) return false;
  to.focus();
  return true;
}

function step(delta) {
  const list = app.model.indicators;
  const i = app.model.find(app.view.indicator).index;
  const j = Math.max(0, Math.min(list.length - 1, i + delta));
  if (j !== i) show(list[j].id, app.view.respondent, true);
}

function stepRespondent(delta) {
  const ids = [...a().respondents.map((r) => r.id), CONSENSUS];
  const i = ids.indexOf(app.view.respondent);
  show(app.view.indicator, ids[(i + delta + ids.length) % ids.length], true);
}

function drawCard() {
  const m = app.model;
  const e = m.find(app.view.indicator);
  const ind = e.node;
  const L = lang();
  fill(dom.card,
    h('header', {},
      h('p', { class: 'crumbs', text: `${e.pillar.id} ${text(e.pillar.name, L)} › ${e.area.id} ${text(e.area.name, L)}` }),
      h('h2', { id: 'ind-title', tabindex: -1 }, h('span', { class: 'id', text: ind.id }), ' ', text(ind.title, L)),
      h('p', { class: 'pos', text: t('assess.pos', { n: e.index + 1, of: m.indicators.length }) })),
    h('p', { class: 'question', text: text(ind.question, L) }),
    // The score of the indicator, right above the levels: a key press shows
    // its effect where the facilitator is looking.
    h('div', { class: 'strip', id: 'strip', 'aria-live': 'polite' }),
    app.view.respondent === CONSENSUS ? consensus(ind) : answer(ind),
    h('p', { class: 'evidence-hint' }, h('strong', { text: t('assess.evidence-hint') }), ' ', text(ind.evidence, L)));
  for (const b of dom.nav.querySelectorAll('button.ind')) {
    const cur = b.dataset.ind === ind.id;
    if (cur) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  const cur = dom.nav.querySelector('button[aria-current]');
  if (cur) cur.scrollIntoView({ block: 'nearest' });
}

function ratingOf(v) {
  if (v === 'n/a' || v === 'unknown') return v;
  return Number(v);
}

// answer is the respondent's form for one indicator.
function answer(ind) {
  const rid = app.view.respondent;
  const L = lang();
  const ri = responseIndex(a(), ind.id, rid);
  const r = ri >= 0 ? a().responses[ri] : null;
  const m = app.model;
  const levelButtons = m.levels.map((lv, k) => h('button', {
    type: 'button', class: 'level', dataset: { level: String(k + 1) }, 'aria-pressed': String(!!r && r.level === k + 1),
    'aria-keyshortcuts': String(k + 1),
    on: { click: () => setLevel(ind.id, k + 1) },
  }, h('span', { class: 'n', text: k + 1 }), h('span', { class: 'name', text: text(lv.name, L) }),
  h('span', { class: 'desc', text: text(ind.levels[k], L) })));
  const other = [
    ['n/a', `n/a · ${text(m.raw.scale.notApplicable.name, L)}`, '0'],
    ['unknown', `? · ${text(m.raw.scale.unknown.name, L)}`, 'u'],
  ].map(([v, label, key]) => h('button', {
    type: 'button', class: 'level other', dataset: { level: v }, 'aria-pressed': String(!!r && r.level === v),
    'aria-keyshortcuts': key, text: label, on: { click: () => setLevel(ind.id, v) },
  }));
  const clear = h('button', { type: 'button', class: 'level other clear', text: t('assess.clear'), disabled: !r, 'aria-keyshortcuts': 'Delete', on: { click: () => clearAnswer(ind.id) } });
  const levels = h('div', { class: 'levels', role: 'group', 'aria-labelledby': 'levels-label' }, levelButtons);
  const max = m.maxLevel;
  const target = h('select', { id: 'f-target' }, options([['', t('assess.default')], ...Array.from({ length: max }, (_, k) => [k + 1, levelLabel(m, k + 1, L)])], r && r.target ? r.target : ''));
  const provision = h('select', { id: 'f-provision' }, options([['', '—'], ...m.provisionModes.map((p) => [p.id, text(p.name, L)])], r && r.provision));
  const confidence = h('select', { id: 'f-confidence' }, options([['', '—'], ...['low', 'medium', 'high'].map((c) => [c, t(`confidence.${c}`)])], r && r.confidence));
  const pd = h('input', { type: 'checkbox', id: 'f-person', checked: !!(r && r.personDependent) });
  const evidence = h('textarea', { id: 'f-evidence', rows: 3, maxLength: limits().text, value: (r && r.evidence) || '' });
  const set = (what, key, value, ctl) => {
    const i = responseIndex(a(), ind.id, rid);
    if (i < 0) return;
    const resp = a().responses[i];
    if (key === 'target' && value) {
      const ag = (a().decisions.agreed || []).find((d) => d.indicator === ind.id);
      if (ag && typeof ag.level === 'number' && value < ag.level && !(resp.evidence || '').trim()) {
        setError(ctl, t('assess.target.below', { n: ag.level }));
        ctl.value = resp.target || '';
        return;
      }
    }
    if (ctl) setError(ctl, '');
    change({ what, pointer: `/responses/${i}/${key}`, indicator: ind.id, respondent: rid, value: value === '' ? null : value },
      (as) => {
        if (value === '' || value === false) delete as.responses[i][key];
        else as.responses[i][key] = value;
      });
  };
  onChoose(target, () => set('target', 'target', target.value ? Number(target.value) : '', target));
  onChoose(provision, () => set('provision', 'provision', provision.value));
  onChoose(confidence, () => set('confidence', 'confidence', confidence.value));
  pd.addEventListener('change', () => set('person-dependent', 'personDependent', pd.checked));
  let typing = 0;
  evidence.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const i = responseIndex(a(), ind.id, rid);
      if (i < 0) return;
      const v = evidence.value;
      change({}, (as) => { if (v) as.responses[i].evidence = v; else delete as.responses[i].evidence; }, { log: false });
    }, 500);
  });
  evidence.addEventListener('change', () => {
    clearTimeout(typing);
    set('evidence', 'evidence', evidence.value);
  });
  const details = h('fieldset', { class: 'details', disabled: !r, id: 'answer-details' },
    h('legend', { text: r ? t('assess.details') : t('assess.details.first') }),
    h('div', { class: 'cols' },
      field(t('assess.target'), target, t('assess.target.hint')),
      field(t('assess.provision'), provision),
      field(t('assess.confidence'), confidence),
      h('div', { class: 'field check' }, pd, h('label', { for: 'f-person', text: t('assess.person') }))),
    field(t('assess.evidence'), evidence));
  return h('section', { class: 'answer', 'aria-label': t('assess.answer.of', { name: respondentName(rid) }) },
    h('p', { id: 'levels-label', class: 'label', text: t('assess.level.as', { name: respondentName(rid) }) }),
    levels, h('div', { class: 'levels other-row' }, other, clear), details);
}

function setLevel(id, rating) {
  const rid = app.view.respondent;
  if (rid === CONSENSUS || !a().respondents.some((r) => r.id === rid)) return;
  if (typeof rating === 'number' && (rating < 1 || rating > app.model.maxLevel)) return;
  const i = responseIndex(a(), id, rid);
  if (i >= 0 && a().responses[i].level === rating) return;
  const at = i >= 0 ? i : a().responses.length;
  const scored = previewed(id, rid, rating);
  change({ what: 'level', pointer: `/responses/${at}/level`, indicator: id, respondent: rid, value: rating },
    (as) => {
      if (i >= 0) as.responses[i].level = rating;
      else as.responses.push({ indicator: id, respondent: rid, level: rating });
    });
  for (const b of dom.card.querySelectorAll('button.level[data-level]')) {
    b.setAttribute('aria-pressed', String(ratingOf(b.dataset.level) === rating));
  }
  const details = document.getElementById('answer-details');
  if (details) {
    details.disabled = false;
    details.querySelector('legend').textContent = t('assess.details');
  }
  dom.card.querySelector('button.clear').disabled = false;
  // The respondent's own mark in the list, and the strip from the score
  // the engine made ahead, show in the frame of the key: Chromium hands
  // the page the engine's answer only after that frame, and the answer
  // then redraws them from the score.
  showMark(id, { id }, rid);
  if (scored) {
    drawStrip(scored, app.stats.version);
    app.stats.previewed = (app.stats.previewed || 0) + 1;
  }
  announce(`${respondentName(rid)}: ${id} ${levelLabel(app.model, rating, lang())}`);
}

function clearAnswer(id) {
  const rid = app.view.respondent;
  const i = responseIndex(a(), id, rid);
  if (i < 0) return;
  const old = a().responses[i];
  const had = [levelLabel(app.model, old.level, lang()), old.target ? t('assess.had.target', { n: old.target }) : '', old.confidence ? t(`assess.had.confidence.${old.confidence}`) : '', old.evidence ? t('assess.had.evidence') : '']
    .filter(Boolean).join(', ');
  change({ what: 'clear', pointer: `/responses/${i}`, indicator: id, respondent: rid, note: t('note.answer-removed') },
    (as) => { as.responses.splice(i, 1); });
  drawCard();
  const msg = t('assess.cleared', { name: respondentName(rid), id, had });
  toast(`${msg} ${t('undo.hint')}`, { action: { label: t('undo.verb'), run: undo } });
  announce(msg);
}

// consensus is the facilitator's view of every answer to one indicator.
function consensus(ind) {
  const L = lang();
  const m = app.model;
  const di = agreedIndex(a(), ind.id);
  const ag = di >= 0 ? a().decisions.agreed[di] : null;
  const dissent = new Map((ag && ag.dissent || []).map((d) => [d.respondent, d.note]));
  const details = (resp) => [
    resp.target ? t('assess.had.target', { n: resp.target }) : '',
    resp.provision ? text((m.provisionModes.find((p) => p.id === resp.provision) || {}).name, L) : '',
    resp.confidence ? t(`assess.had.confidence.${resp.confidence}`) : '',
    resp.personDependent ? t('assess.one-person') : '',
  ].filter(Boolean).join(' · ');
  const notes = new Map();
  const rows = a().respondents.map((r) => {
    const resp = a().responses.find((x) => x.indicator === ind.id && x.respondent === r.id);
    const note = h('input', { type: 'text', maxLength: limits().text, value: dissent.get(r.id) || '', 'aria-label': t('assess.dissent.of', { name: r.name }), class: 'dissent' });
    notes.set(r.id, note);
    return h('tr', {},
      h('th', { scope: 'row' }, r.name, h('div', { class: 'hint', text: stakeholderName(r.stakeholder) })),
      h('td', { class: 'lvl', dataset: { respondent: r.id }, text: resp ? levelLabel(m, resp.level, L) : '—' }),
      h('td', { class: 'small', text: resp ? details(resp) : '' }),
      h('td', { class: 'ev' }, foldedEvidence(resp && resp.evidence || '')),
      h('td', {}, note));
  });
  const level = h('select', { id: 'agreed-level' }, options([['', t('assess.choose')],
    ...Array.from({ length: m.maxLevel }, (_, k) => [k + 1, levelLabel(m, k + 1, L)]), ['n/a', levelLabel(m, 'n/a', L)], ['unknown', levelLabel(m, 'unknown', L)]], ag ? ag.level : ''));
  const target = h('select', { id: 'agreed-target' }, options([['', t('assess.default')], ...Array.from({ length: m.maxLevel }, (_, k) => [k + 1, levelLabel(m, k + 1, L)])], ag && ag.target ? ag.target : ''));
  const rationale = h('textarea', { id: 'agreed-rationale', rows: 2, maxLength: limits().text, value: ag ? ag.rationale : '' });
  const msg = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', {
    class: 'agreed', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const lv = level.value ? ratingOf(level.value) : null;
      setError(level, lv === null ? t('assess.agreed.missing') : '');
      setError(rationale, rationale.value.trim() ? '' : t('assess.rationale.missing'));
      if (lv === null || !rationale.value.trim()) return;
      if (typeof lv === 'number') {
        const low = a().responses.filter((x) => x.indicator === ind.id && x.target && x.target < lv && !(x.evidence || '').trim());
        if (low.length) {
          msg.hidden = false;
          msg.textContent = t('assess.low-targets', { names: low.map((x) => respondentName(x.respondent)).join(', '), n: lv });
          return;
        }
      }
      msg.hidden = true;
      const d = { indicator: ind.id, level: lv, rationale: rationale.value.trim() };
      if (target.value) d.target = Number(target.value);
      const ds = [...notes].filter(([, n]) => n.value.trim()).map(([rid, n]) => ({ respondent: rid, note: n.value.trim() }));
      if (ds.length) d.dissent = ds;
      const i = agreedIndex(a(), ind.id);
      const list = a().decisions.agreed || [];
      change({ what: 'agreed', pointer: `/decisions/agreed/${i >= 0 ? i : list.length}`, indicator: ind.id, value: d, note: t('note.agreed', { level: levelLabel(m, lv, L) }) },
        (as) => {
          as.decisions.agreed = as.decisions.agreed || [];
          if (i >= 0) as.decisions.agreed[i] = d;
          else as.decisions.agreed.push(d);
        });
      announce(t('assess.agreed.recorded', { id: ind.id }));
      drawCard();
    } },
  },
  h('div', { id: 'consensus-summary', class: 'summary', 'aria-live': 'polite' }),
  h('h3', { text: ag ? t('assess.agreed.title.done') : t('assess.agreed.title') }),
  h('div', { class: 'cols' }, field(t('assess.agreed.level'), level), field(t('assess.agreed.target'), target)),
  field(t('assess.rationale'), rationale, t('assess.rationale.hint')),
  msg,
  h('p', {}, h('button', { type: 'submit', class: 'primary', text: ag ? t('assess.agreed.update') : t('assess.agreed.record') }), ' ',
    ag ? h('button', { type: 'button', text: t('assess.agreed.remove'), on: { click: () => {
      const i = agreedIndex(a(), ind.id);
      change({ what: 'agreed', pointer: `/decisions/agreed/${i}`, indicator: ind.id, note: t('note.agreed-removed') },
        (as) => { as.decisions.agreed.splice(i, 1); if (!as.decisions.agreed.length) delete as.decisions.agreed; });
      drawCard();
    } } }) : null));
  return h('section', { class: 'consensus', 'aria-label': t('assess.consensus') },
    a().respondents.length ? h('div', { class: 'scroll' }, h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, colHeads([t('assess.col.respondent'), t('assess.col.answer'), t('assess.col.details'), t('assess.col.evidence'), t('assess.col.dissent')]))),
      h('tbody', {}, rows))) : h('p', { text: t('assess.no-answer') }),
    form);
}

// foldedEvidence shows a long evidence note folded to its first words, so
// that thirty answers fit the screen; the facilitator opens the ones to
// read.
function foldedEvidence(ev) {
  if (ev.length <= 70) return ev;
  const cut = ev.slice(0, 60).replace(/\s+\S*$/, '');
  return h('details', { class: 'fold' }, h('summary', { text: `${cut}…` }), h('p', { text: ev }));
}

function mark(s, rid) {
  if (rid !== CONSENSUS) {
    const r = a().responses.find((x) => x.indicator === s.id && x.respondent === rid);
    if (!r) return ['·', t('assess.mark.none'), ''];
    const v = r.level === 'n/a' ? t('results.na.short') : r.level === 'unknown' ? '?' : String(r.level);
    return [v, t('assess.mark.answered', { v }), 'done'];
  }
  const flag = s.disagreement && !s.agreed ? ' !' : s.agreed ? ' ✓' : '';
  const v = s.status === 'assessed' ? String(s.level) : s.status === 'n/a' ? t('results.na.short') : s.status === 'unknown' ? '?' : '·';
  const label = `${s.status === 'assessed' ? t('assess.mark.level', { n: s.level }) : t(`results.status.${s.status}`)}${s.disagreement && !s.agreed ? t('assess.mark.disagreement') : ''}${s.agreed ? t('assess.mark.agreed') : ''}`;
  return [v + flag, label, s.disagreement && !s.agreed ? 'warn' : s.status === 'assessed' ? 'done' : ''];
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// showMark writes the list's mark of indicator id for respondent rid,
// from the indicator's score s (a respondent's own mark needs only s.id).
// Only what changed is written: a text written again, even the same, has
// the browser lay the whole list out again on every key.
function showMark(id, s, rid) {
  const m = dom.marks.get(id);
  if (!m) return;
  const [v, l, cls] = mark(s, rid);
  setText(m.mark, v);
  if (m.mark.className !== `mark ${cls}`) m.mark.className = `mark ${cls}`;
  setText(m.label, `, ${l}`);
}

// drawStrip writes the strip under the card from the indicator's score s
// after the change of version v: its level, target and gap, spread and
// flags. A strip that says the same stays (the strip is a live region).
function drawStrip(s, v) {
  const strip = document.getElementById('strip');
  if (!strip) return;
  strip.dataset.version = String(v);
  const counted = s.ratings.filter((x) => x.counted > 0).length;
  const says = JSON.stringify([lang(), s.status, s.level, s.agreed, counted, s.target, s.gap, s.ratings.length > 1 && s.spread, s.disagreement && !s.agreed, s.capped, s.donorFunded]);
  if (strip.dataset.says === says) return;
  strip.dataset.says = says;
  const parts = [];
  if (s.status === 'assessed') {
    parts.push(h('span', { class: 'big', text: t('assess.strip.level', { n: s.level }) }), ' ', s.agreed ? t('assess.strip.agreed') : tn('assess.strip.median', counted));
  } else {
    parts.push(h('span', { class: 'big', text: t(`assess.strip.${s.status === 'n/a' ? 'na' : s.status === 'unknown' ? 'unknown' : 'none'}`) }));
  }
  parts.push(` · ${t('assess.strip.target', { target: s.target, gap: s.gap })}`);
  if (s.ratings.length > 1) parts.push(` · ${t('assess.strip.spread', { n: s.spread })}`);
  if (s.disagreement && !s.agreed) parts.push(h('span', { class: 'flag', text: t('assess.flag.disagreement') }));
  if (s.capped) parts.push(h('span', { class: 'flag', text: t('assess.flag.capped') }));
  if (s.donorFunded) parts.push(h('span', { class: 'flag', text: t('assess.flag.donor') }));
  fill(strip, parts);
}

// refresh updates what depends on the score: the marks in the list of
// indicators, the strip under the card and the consensus summary.
function refresh() {
  if (!dom || !document.body.contains(dom.card)) return;
  const scores = scoresById();
  const rid = app.view.respondent;
  for (const id of dom.marks.keys()) {
    const s = scores.get(id);
    if (s) showMark(id, s, rid);
  }
  const strip = document.getElementById('strip');
  const s = scores.get(app.view.indicator);
  if (!strip) return;
  if (!app.result) {
    delete strip.dataset.says;
    fill(strip, h('span', { class: 'error', text: app.problems.length ? t('assess.cannot-score', { problem: problemText(app.problems[0]) }) : t('results.scoring') }));
    return;
  }
  drawStrip(s, app.resultVersion);
  const sum = document.getElementById('consensus-summary');
  if (sum) {
    for (const td of dom.card.querySelectorAll('td.lvl')) {
      const rr = s.ratings.find((x) => x.respondent === td.dataset.respondent);
      td.classList.toggle('capped', !!(rr && rr.counted && rr.counted !== rr.rating));
      if (rr && rr.counted && rr.counted !== rr.rating) td.title = t('assess.counts-as', { n: rr.counted });
    }
    fill(sum,
      h('span', { text: t('assess.sum.median', { n: s.median || '—' }) }), ' · ',
      h('span', { text: t('assess.strip.spread', { n: s.spread }) }), ' · ',
      s.disagreement ? h('span', { class: 'flag', text: s.agreed ? t('assess.sum.resolved') : t('assess.sum.disagreement') }) : h('span', { text: t('assess.sum.agree') }));
  }
}

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || editing(e.target)) return;
  const k = e.key;
  const consensusView = app.view.respondent === CONSENSUS;
  let handled = true;
  if (/^[1-9]$/.test(k) && Number(k) <= app.model.maxLevel) {
    if (consensusView) {
      const sel = document.getElementById('agreed-level');
      if (sel) { sel.value = k; sel.focus(); }
    } else setLevel(app.view.indicator, Number(k));
  } else if (k === '0' || k === 'n') {
    if (!consensusView) setLevel(app.view.indicator, 'n/a');
  } else if (k === 'u' || k === '?') {
    if (!consensusView) setLevel(app.view.indicator, 'unknown');
  } else if (k === 'Delete' || k === 'Backspace') {
    if (!consensusView) clearAnswer(app.view.indicator);
  } else if (k === 'Home') {
    step(-app.model.indicators.length);
  } else if (k === 'End') {
    step(app.model.indicators.length);
  } else if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'j') {
    step(1);
  } else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'k') {
    step(-1);
  } else if (k === ']') {
    stepRespondent(1);
  } else if (k === '[') {
    stepRespondent(-1);
  } else if (k === 'c') {
    show(app.view.indicator, consensusView ? (a().respondents[0] || { id: CONSENSUS }).id : CONSENSUS, true);
  } else handled = false;
  if (handled) e.preventDefault();
}
