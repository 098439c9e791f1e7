// files.js moves files in and out of the page without any network:
// downloads from blob URLs, uploads through a file input.

import { t, locale } from './i18n.js';

export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function hiddenInput(accept, multiple) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.multiple = multiple;
  input.className = 'visually-hidden';
  input.tabIndex = -1;
  input.setAttribute('aria-hidden', 'true');
  return input;
}

function button(label, input) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', () => input.click());
  return b;
}

// filePicker makes a button and a hidden file input; onFile(name, text) is
// called with the text of the chosen file.
export function filePicker(label, accept, onFile) {
  const input = hiddenInput(accept, false);
  input.addEventListener('change', async () => {
    const f = input.files && input.files[0];
    if (!f) return;
    const text = await f.text();
    input.value = '';
    onFile(f.name, text);
  });
  return { button: button(label, input), input };
}

// filesPicker makes a button and a hidden input for several files;
// onFiles([{name, bytes}]) is called with the bytes of the chosen files.
export function filesPicker(label, accept, onFiles) {
  const input = hiddenInput(accept, true);
  input.addEventListener('change', async () => {
    const list = [...(input.files || [])];
    if (!list.length) return;
    const files = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    input.value = '';
    onFiles(files);
  });
  return { button: button(label, input), input };
}

// toBase64 encodes bytes for the engine's JSON requests.
export function toBase64(bytes) {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

// size says how big a file is: "84 KB", "1.2 MB" (1,2 MB in Spanish,
// French and Portuguese).
export function size(n) {
  if (n < 1000) return t('size.bytes', { n });
  if (n < 1e6) return `${Math.round(n / 1000)} KB`;
  return `${(n / 1e6).toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}
