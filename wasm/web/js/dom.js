// dom.js builds the page's DOM. Text always goes in as text nodes or
// textContent, attributes through setAttribute or element properties:
// never innerHTML, never an inline event handler. Free text typed by
// facilitators is data, and stays data.

import { t } from './i18n.js';

const forbidden = new Set(['innerHTML', 'outerHTML', 'srcdoc', 'href', 'src', 'style']);

// h creates an element. props: class, text, on: {event: fn}, dataset,
// and any other property or attribute (aria-*, role, for, value...).
// Children are nodes, strings, numbers, arrays of them, or null/false.
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props || {});
  append(el, children);
  return el;
}

const svgNS = 'http://www.w3.org/2000/svg';

// svg creates an SVG element; props are attributes, except text and on.
export function svg(tag, props, ...children) {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'on') listen(el, v);
    else if (k === 'class') el.setAttribute('class', v);
    else {
      check(k);
      el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function check(k) {
  if (forbidden.has(k) || /^on/i.test(k)) throw new Error(`dom: refusing to set ${k}`);
}

function listen(el, handlers) {
  for (const [ev, fn] of Object.entries(handlers)) el.addEventListener(ev, fn);
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    switch (k) {
      case 'class': el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v; break;
      case 'text': el.textContent = String(v); break;
      case 'on': listen(el, v); break;
      case 'dataset': Object.assign(el.dataset, v); break;
      case 'for': el.htmlFor = v; break;
      default:
        check(k);
        if (k.startsWith('aria-') || k.startsWith('data-') || k === 'role' || !(k in el)) {
          if (v !== false) el.setAttribute(k, v === true ? '' : String(v));
        } else {
          el[k] = v;
        }
    }
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : String(c));
  }
}

// clear empties an element and appends new children.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// announce tells screen readers about a change that has no focus of its own.
export function announce(text) {
  const live = document.getElementById('live');
  if (live) {
    live.textContent = '';
    live.textContent = text;
  }
}

// toast shows a short message in the fixed region at the bottom of the
// window (#toasts), where it is seen whatever the scroll position. A
// message with alert: true needs attention: it is announced at once and
// stays until closed; others replace each other, and go at the first key
// or click a few seconds after they came, so that each is seen.
// action: {label, run} adds a button, such as Undo.
export function toast(text, { alert = false, action = null, key = '' } = {}) {
  const box = document.getElementById('toasts');
  if (!box) return null;
  if (!box.dataset.watching) {
    box.dataset.watching = 'true';
    const expire = (e) => {
      for (const old of box.querySelectorAll('.toast:not(.bad)')) {
        if (!old.contains(e.target) && performance.now() - Number(old.dataset.at) > 4000) old.remove();
      }
    };
    document.addEventListener('keydown', expire, true);
    document.addEventListener('pointerdown', expire, true);
  }
  const el = h('div', { class: alert ? 'toast bad' : 'toast', role: alert ? 'alert' : null },
    h('span', { class: 'msg', text }),
    action ? h('button', { type: 'button', class: 'act', text: action.label, on: { click: () => { el.remove(); action.run(); } } }) : null,
    h('button', { type: 'button', class: 'x', 'aria-label': t('toast.close'), text: '×', on: { click: () => el.remove() } }));
  el.dataset.at = String(performance.now());
  if (key) {
    el.dataset.key = key;
    dropToast(key);
  }
  for (const old of box.querySelectorAll('.toast:not(.bad)')) old.remove();
  const alerts = [...box.querySelectorAll('.toast.bad')];
  for (const old of alerts) if (alert && old.querySelector('.msg').textContent === text) old.remove();
  for (const old of alerts.slice(0, -2)) old.remove();
  box.append(el);
  return el;
}

// editing reports whether a key press belongs to a text field or a
// control that uses keys itself, so that shortcuts leave it alone.
export function editing(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

// dropToast removes the message shown for key.
export function dropToast(key) {
  const box = document.getElementById('toasts');
  if (box) for (const el of box.querySelectorAll(`.toast[data-key="${key}"]`)) el.remove();
}

// typingText reports whether a key press goes to a text field, which has
// its own undo.
export function typingText(target) {
  if (!target || !target.tagName) return false;
  if (target.tagName === 'TEXTAREA' || target.isContentEditable) return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(target.type);
}

// field makes a labelled form control. control is the input element; hint
// and error texts are tied to it with aria-describedby.
let fieldSeq = 0;
export function field(label, control, hint) {
  if (!control.id) control.id = `f${++fieldSeq}`;
  const err = h('span', { class: 'field-error', id: `${control.id}-err`, hidden: true });
  const parts = [h('label', { for: control.id, text: label }), control];
  let described = err.id;
  if (hint) {
    const hintEl = h('span', { class: 'hint', id: `${control.id}-hint`, text: hint });
    parts.push(hintEl);
    described = `${hintEl.id} ${err.id}`;
  }
  control.setAttribute('aria-describedby', described);
  parts.push(err);
  return h('div', { class: 'field' }, parts);
}

// setError marks a control invalid with a message, or clears it.
export function setError(control, message) {
  const err = document.getElementById(`${control.id}-err`);
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (err) {
    err.textContent = message || '';
    err.hidden = !message;
  }
}

// onChoose calls choose(value) when the choice of a select is confirmed:
// picked with the mouse, in the browser's list of options or by a screen
// reader, Enter pressed, or the focus leaving the select on another value.
// Browsing a closed select with the arrow keys or by typing changes its
// value and fires change at each key in Chrome and Edge: such a change,
// which comes while the key is handled, acts on nothing; Escape goes back
// to the chosen value.
export function onChoose(select, choose) {
  let chosen = select.value;
  let stepping = false;
  const confirm = () => {
    if (select.value === chosen) return;
    chosen = select.value;
    choose(select.value);
  };
  select.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      confirm();
    } else if (e.key === 'Escape') {
      select.value = chosen;
    } else if (!e.ctrlKey && !e.altKey && !e.metaKey && (e.key.startsWith('Arrow') || ['Home', 'End', 'PageUp', 'PageDown'].includes(e.key) || e.key.length === 1)) {
      stepping = true;
      setTimeout(() => { stepping = false; }, 0);
    }
  });
  select.addEventListener('change', () => {
    if (!stepping) confirm();
  });
  select.addEventListener('blur', confirm);
  // The page sets the value itself (the language switch, when the page
  // follows the session): that value is the chosen one.
  select.addEventListener('ncskit-set', () => { chosen = select.value; });
  const hint = t('select.hint');
  select.title = select.title ? `${select.title} ${hint}` : hint;
}

// colHeads builds the column headers of a table. A column of buttons,
// whose header would be empty, is named "Actions" for screen readers:
// every cell of a table then has a header to be read with.
export function colHeads(names) {
  return names.map((name) => (name
    ? h('th', { scope: 'col', text: name })
    : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('col.actions') }))));
}

// options builds <option> elements from [value, label] pairs.
export function options(pairs, selected) {
  return pairs.map(([value, label]) => h('option', { value, text: label, selected: String(value) === String(selected ?? '') }));
}

// documentFrame shows a whole HTML document that the engine made (the
// strategy draft's HTML renderer, which escapes every text and has no
// script) in an iframe: the one place where HTML goes in as HTML. The
// frame is sandboxed without allow-scripts, so nothing in it can run, and
// it keeps the page's Content-Security-Policy. allow-same-origin lets the
// page keep the reader's scroll position when the preview is redrawn.
export function documentFrame(props, html) {
  const frame = h('iframe', props);
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.srcdoc = html;
  return frame;
}
