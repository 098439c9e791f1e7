// limits.js says how big a session is against the limits that hold it:
// the largest session file the engine reads (info.session.maxSize), the
// few megabytes of localStorage, the browser's quota for IndexedDB. The
// page warns at half of a limit, well before any refusal.

import { size } from './files.js';

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
  const advice = 'Delete the snapshots you no longer need (Setup, Snapshots), or save the file and start a new session from it.';
  if (fileMax && bytes > fileMax / 2) {
    return `This session is ${size(bytes)}; a session file may hold at most ${size(fileMax)}. ${advice}`;
  }
  if (store === 'localstorage' && bytes > localStorageBytes / 2) {
    return `This session is ${size(bytes)}, and this browser keeps it in localStorage, which holds about ${size(localStorageBytes)}. ` +
      `Save the file often. ${advice}`;
  }
  if (store === 'indexeddb' && quota && quota.quota && quota.usage > quota.quota * 0.8) {
    return `The browser's storage for this page is ${Math.round((quota.usage / quota.quota) * 100)}% full (${size(quota.usage)} of ${size(quota.quota)}). ` +
      `Save the file, then delete sessions or snapshots you no longer need.`;
  }
  return null;
}
