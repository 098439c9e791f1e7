// limits.js says how big a session is against the limits that hold it:
// the largest session file the engine reads (info.session.maxSize), the
// few megabytes of localStorage, the browser's quota for IndexedDB. The
// page warns at half of a limit, well before any refusal.

import { size } from './files.js';
import { t } from './i18n.js';

// localStorageBytes is what localStorage holds for one page in current
// browsers (5 million characters in Chromium and Firefox), less room for
// the summaries.
export const localStorageBytes = 4.5e6;

// sessionText is the session file's text, as "Save file" writes it.
export function sessionText(s) {
  return JSON.stringify(s, null, 2);
}

// measure returns the session file's size in bytes.
export function measure(s) {
  return new Blob([sessionText(s)]).size;
}

// warning returns what to tell the facilitator about a session of bytes,
// or null. fileMax is the engine's limit for a session file, store the
// kind of storage in use, quota {usage, quota} the browser's estimate for
// IndexedDB (or null).
export function warning(bytes, { fileMax, store, quota }) {
  const advice = t('limits.advice');
  if (fileMax && bytes > fileMax / 2) {
    return `${t('limits.file', { size: size(bytes), max: size(fileMax) })} ${advice}`;
  }
  if (store === 'localstorage' && bytes > localStorageBytes / 2) {
    return `${t('limits.localstorage', { size: size(bytes), max: size(localStorageBytes) })} ${advice}`;
  }
  if (store === 'indexeddb' && quota && quota.quota && quota.usage > quota.quota * 0.8) {
    return t('limits.quota', { n: Math.round((quota.usage / quota.quota) * 100), used: size(quota.usage), max: size(quota.quota) });
  }
  return null;
}
