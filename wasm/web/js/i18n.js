// i18n.js holds the words of the page. They live in text.json, keyed by
// language like every text a person reads ({"key": {"en": ..., "es": ...}}),
// and come into the page as a JSON element (#ncskit-text) when the
// workbook is built. t(key, vars) returns the words of key in the page's
// language with {name} placeholders filled; the page's language is the
// facilitator's choice, else the open session's, else the browser's.

// pageLanguages are the languages the page is written in, each named in
// its own language for the switch.
export const pageLanguages = [['en', 'English'], ['es', 'Español'], ['fr', 'Français'], ['pt', 'Português']];

let words = null;
let current = 'en';

function table() {
  if (!words) {
    const el = document.getElementById('ncskit-text');
    words = el ? JSON.parse(el.textContent) : {};
  }
  return words;
}

// supported reports whether the page is written in lang.
export function supported(lang) {
  return pageLanguages.some(([code]) => code === lang);
}

// pick returns the first language of the list the page is written in
// (codes such as es-419 count as es), or ''.
export function pick(list) {
  for (const l of list || []) {
    const base = String(l || '').toLowerCase().split('-')[0];
    if (supported(base)) return base;
  }
  return '';
}

// setLanguage makes lang the page's language, sets <html lang> and
// translates the elements of index.html marked with data-t (text),
// data-t-title, data-t-aria-label and data-t-placeholder.
export function setLanguage(lang) {
  current = supported(lang) ? lang : 'en';
  document.documentElement.lang = current;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const [attr, data] of [['title', 'tTitle'], ['aria-label', 'tAriaLabel'], ['placeholder', 'tPlaceholder']]) {
    for (const el of document.querySelectorAll(`[data-t-${attr}]`)) el.setAttribute(attr, t(el.dataset[data]));
  }
}

// language returns the page's language.
export function language() {
  return current;
}

// t returns the words of key in the page's language, with each {name}
// replaced by vars[name]. A key text.json lacks shows as itself, so that
// the gap is seen (the tests make sure there is none).
export function t(key, vars) {
  return tIn(current, key, vars);
}

// tIn is t in another language than the page's: that of a document, for
// the name of its file.
export function tIn(lang, key, vars) {
  const entry = table()[key];
  const s = entry ? (entry[lang] || entry.en) : key;
  if (!vars) return s;
  return s.replace(/\{([A-Za-z0-9_]+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

// tn is t for a count: key.one when n is 1, else key.other; vars.n is n.
export function tn(key, n, vars = {}) {
  return t(`${key}.${n === 1 ? 'one' : 'other'}`, { ...vars, n });
}

// when writes a date and time as the page's language does.
export function when(value, opts) {
  return new Date(value).toLocaleString(locale(), opts);
}

// locale is the page's language as a locale for Intl.
export function locale() {
  return { en: 'en', es: 'es-419', fr: 'fr-HT', pt: 'pt-BR' }[current] || 'en';
}

// list joins words as the page's language does ("a, b and c").
export function list(items) {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}
