// store.js keeps sessions in the browser: IndexedDB when the browser
// allows it, else localStorage, else only in memory, with a warning the
// page shows. A session is written after every change (in IndexedDB its
// snapshots only when they change); a small summary of each session is
// kept apart for the list of local sessions.
//
// Several windows may hold the same session. Each write carries the
// revision the window last read (expect) and a new one (rev): when the
// stored revision is another, a window wrote in between, and put rejects
// with a ConflictError instead of overwriting that window's work.

import { t } from './i18n.js';

// ConflictError means that another window saved the session since this
// window last read or wrote it.
export class ConflictError extends Error {}

const DB = 'ncskit-workbook';
const LS = 'ncskit.';

function summary(s, rev) {
  const a = s.assessment || {};
  return {
    rev: rev ?? null,
    id: s.id,
    name: s.name,
    country: a.profile ? a.profile.country : '',
    updated: s.updated,
    responses: Array.isArray(a.responses) ? a.responses.length : 0,
    changes: Array.isArray(s.log) ? s.log.length : 0,
  };
}

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error(t('store.aborted')));
  });
}

// In IndexedDB a session's snapshots (each a whole assessment: megabytes
// in a long workshop) are kept apart from the rest of it, under the key
// id + SNAPSHOTS of the same object store, and written only when they
// change: a change to an answer then writes the assessment alone. The
// session's own record holds snapshots: null. A record written before
// they were kept apart holds them inline, and is read as it is.
const SNAPSHOTS = '\u0000snapshots';

function sameList(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

async function openIndexedDB() {
  if (!('indexedDB' in self) || !self.indexedDB) throw new Error(t('store.no-indexeddb'));
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('sessions', { keyPath: 'id' });
    db.createObjectStore('summaries', { keyPath: 'id' });
    db.createObjectStore('meta');
  };
  const db = await Promise.race([
    request(open),
    new Promise((_, reject) => setTimeout(() => reject(new Error(t('store.no-answer'))), 3000)),
  ]);
  const stored = new Map(); // id → the snapshots the store holds apart for it, as last written or read here
  // joined reads a session with its snapshots.
  const joined = async (tx, id) => {
    const sessions = tx.objectStore('sessions');
    const [s, apart] = await Promise.all([request(sessions.get(id)), request(sessions.get(id + SNAPSHOTS))]);
    if (!s || s.snapshots !== null) return s;
    s.snapshots = apart && Array.isArray(apart.snapshots) ? apart.snapshots : [];
    stored.set(id, s.snapshots.slice());
    return s;
  };
  const backend = {
    kind: 'indexeddb',
    put(s, expect, rev) {
      // Not async: the structured clone happens before put returns. The
      // check and the write are one transaction, which IndexedDB runs
      // alone; a conflict aborts it, and nothing is written.
      const tx = db.transaction(['sessions', 'summaries'], 'readwrite');
      let conflict = false;
      if (expect !== undefined) {
        const cur = tx.objectStore('summaries').get(s.id);
        cur.onsuccess = () => {
          if ((cur.result ? cur.result.rev ?? null : null) !== expect) {
            conflict = true;
            tx.abort();
          }
        };
      }
      // The snapshots are written when they are not, by reference, the
      // ones this window last wrote or read for the session, and always
      // by a forced write (expect undefined), which may follow a deletion.
      const snapshots = Array.isArray(s.snapshots) ? s.snapshots : [];
      const sessions = tx.objectStore('sessions');
      sessions.put({ ...s, snapshots: null });
      if (expect === undefined || !sameList(stored.get(s.id), snapshots)) sessions.put({ id: s.id + SNAPSHOTS, snapshots });
      tx.objectStore('summaries').put(summary(s, rev));
      const kept = snapshots.slice();
      return done(tx).then(() => {
        stored.set(s.id, kept);
      }, (e) => {
        stored.delete(s.id);
        throw conflict ? new ConflictError('another window saved this session') : e;
      });
    },
    async get(id) {
      const tx = db.transaction('sessions');
      return joined(tx, id);
    },
    async load(id) {
      const tx = db.transaction(['sessions', 'summaries']);
      const [session, sum] = await Promise.all([joined(tx, id), request(tx.objectStore('summaries').get(id))]);
      return { session, rev: sum ? sum.rev ?? null : null };
    },
    async list() {
      return request(db.transaction('summaries').objectStore('summaries').getAll());
    },
    remove(id) {
      const tx = db.transaction(['sessions', 'summaries'], 'readwrite');
      tx.objectStore('sessions').delete(id);
      tx.objectStore('sessions').delete(id + SNAPSHOTS);
      tx.objectStore('summaries').delete(id);
      stored.delete(id);
      return done(tx);
    },
    async getMeta(key) {
      return request(db.transaction('meta').objectStore('meta').get(key));
    },
    async setMeta(key, value) {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put(value, key);
      await done(tx);
    },
  };
  // Prove that a write works: some browsers open the database and then
  // refuse to write from a file:// page.
  await backend.setMeta('probe', Date.now());
  return backend;
}

function openLocalStorage() {
  const ls = self.localStorage;
  ls.setItem(`${LS}probe`, String(Date.now()));
  const list = () => JSON.parse(ls.getItem(`${LS}summaries`) || '[]');
  return {
    kind: 'localstorage',
    put(s, expect, rev) {
      try {
        const all = list();
        const cur = all.find((x) => x.id === s.id);
        if (expect !== undefined && (cur ? cur.rev ?? null : null) !== expect) {
          return Promise.reject(new ConflictError('another window saved this session'));
        }
        ls.setItem(`${LS}session.${s.id}`, JSON.stringify(s));
        all.splice(0, all.length, ...all.filter((x) => x.id !== s.id), summary(s, rev));
        ls.setItem(`${LS}summaries`, JSON.stringify(all));
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    },
    async get(id) {
      const v = ls.getItem(`${LS}session.${id}`);
      return v ? JSON.parse(v) : undefined;
    },
    async load(id) {
      const v = ls.getItem(`${LS}session.${id}`);
      const cur = list().find((x) => x.id === id);
      return { session: v ? JSON.parse(v) : undefined, rev: cur ? cur.rev ?? null : null };
    },
    async list() {
      return list();
    },
    async remove(id) {
      ls.removeItem(`${LS}session.${id}`);
      ls.setItem(`${LS}summaries`, JSON.stringify(list().filter((x) => x.id !== id)));
    },
    async getMeta(key) {
      const v = ls.getItem(`${LS}meta.${key}`);
      return v ? JSON.parse(v) : undefined;
    },
    async setMeta(key, value) {
      ls.setItem(`${LS}meta.${key}`, JSON.stringify(value));
    },
  };
}

function openMemory() {
  const sessions = new Map();
  const meta = new Map();
  return {
    kind: 'memory',
    put(s, expect, rev) {
      sessions.set(s.id, { s: JSON.parse(JSON.stringify(s)), rev });
      return Promise.resolve();
    },
    async get(id) { return sessions.has(id) ? structuredClone(sessions.get(id).s) : undefined; },
    async load(id) { return sessions.has(id) ? { session: structuredClone(sessions.get(id).s), rev: sessions.get(id).rev } : { session: undefined, rev: null }; },
    async list() { return [...sessions.values()].map((x) => summary(x.s, x.rev)); },
    async remove(id) { sessions.delete(id); },
    async getMeta(key) { return meta.get(key); },
    async setMeta(key, value) { meta.set(key, value); },
  };
}

// The warnings are keys of text.json (i18n.js), shown in the page's language.
export const storageWarning = 'store.refused';

// openStore returns the best storage the browser allows. Its warning is
// null when changes are kept across a reload or a crash.
export async function openStore() {
  let backend;
  try {
    backend = await openIndexedDB();
  } catch (e) {
    try {
      backend = openLocalStorage();
    } catch (e2) {
      backend = openMemory();
    }
  }
  return {
    kind: backend.kind,
    warning: backend.kind === 'memory' ? storageWarning : null,
    backend,
  };
}

// degrade moves a store whose writes fail to the next backend:
// IndexedDB → localStorage → memory. It returns false when there is none.
export function degrade(store) {
  if (store.kind === 'indexeddb') {
    try {
      store.backend = openLocalStorage();
      store.kind = store.backend.kind;
      store.warning = 'store.fallback';
      return true;
    } catch (e) {
      // fall through to memory
    }
  }
  if (store.kind !== 'memory') {
    store.backend = openMemory();
    store.kind = 'memory';
    store.warning = 'store.full';
    return true;
  }
  return false;
}
