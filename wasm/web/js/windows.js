// windows.js lets the windows (tabs) of the workbook that share the
// browser's storage tell each other when one of them has saved a
// session: on a BroadcastChannel where the browser has one, and in a key
// of localStorage, whose change reaches the other windows as a storage
// event (for a window without the channel). The news is only a hint to read the store again; the store's
// revision check (store.js) is what keeps two windows from overwriting
// each other.

const NAME = 'ncskit-workbook';
const KEY = 'ncskit.saved';
let channel = null;

// listen calls onNews({id, rev}) when another window has saved session id
// as revision rev.
export function listen(onNews) {
  if (typeof BroadcastChannel === 'function') {
    try {
      channel = new BroadcastChannel(NAME);
      channel.onmessage = (e) => onNews(e.data);
    } catch (e) {
      channel = null;
    }
  }
  self.addEventListener('storage', (e) => {
    if (e.key !== KEY || !e.newValue) return;
    try {
      onNews(JSON.parse(e.newValue));
    } catch (err) {
      // not news from a workbook
    }
  });
}

// tellSaved tells the other windows that this one has saved a session.
export function tellSaved(news) {
  if (channel) channel.postMessage(news);
  try {
    localStorage.setItem(KEY, JSON.stringify(news));
  } catch (e) {
    // no storage: no other window can hold the session either
  }
}
