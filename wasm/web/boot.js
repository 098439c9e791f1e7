// boot.js is the page's one inline module; payload.js comes before it.
// The page's other parts travel gzip-compressed in #ncskit-app, written
// like the engine (see wasm/web/payload.go): its words (text.json), the
// worker's source (wasm_exec.js, payload.js, worker.js), the answers of
// the engine's first calls (info and the names of the values, see
// wasm/web/first.go), the model's document and the modules under js/,
// joined. boot.js unpacks them, puts all but the modules in the page as
// the elements main.js reads (#ncskit-text, #ncskit-worker, #ncskit-first,
// #ncskit-model) and runs the modules from a blob URL. Compressed, they
// make the file about 740 KB smaller.
//
// #ncskit-app carries data-gzip (its length in bytes), data-parts (the
// five parts' lengths in bytes, in that order) and, in every language
// of the page, the messages for a browser too old to unpack it
// (data-too-old) and for a damaged file (data-damaged).

// The page's start-up marks (ms since navigation): boot.js running, and
// the modules handed to the browser. main.js adds them to ncskitStats.
window.ncskitBoot = { boot: performance.now() };

const packed = document.getElementById('ncskit-app');

function stop(code, message) {
  const boot = document.getElementById('boot');
  document.documentElement.dataset.ncskitError = code;
  boot.textContent = message;
  boot.classList.add('failed');
  boot.hidden = false;
}

function element(id, type, text) {
  const el = document.createElement('script');
  el.type = type;
  el.id = id;
  el.textContent = text;
  document.body.append(el);
}

async function unpack() {
  const text = packed.textContent;
  const gz = new Uint8Array(Number(packed.dataset.gzip));
  if (decodeInto(text, 0, gz) !== text.length) throw fault('worker.long', { n: gz.length });
  const plain = new Uint8Array(await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  const sizes = packed.dataset.parts.split(' ').map(Number);
  if (sizes.length !== 5 || sizes.reduce((a, b) => a + b) !== plain.length) throw fault('worker.long', { n: plain.length });
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  for (const [i, id, type] of [[0, 'ncskit-text', 'application/json'], [1, 'ncskit-worker', 'text/plain'], [2, 'ncskit-first', 'application/json'], [3, 'ncskit-model', 'application/json']]) {
    element(id, type, utf8.decode(plain.subarray(at, at + sizes[i])));
    at += sizes[i];
  }
  const url = URL.createObjectURL(new Blob([plain.subarray(at)], { type: 'text/javascript' }));
  const main = document.createElement('script');
  main.type = 'module';
  main.src = url;
  main.onerror = () => stop('start', packed.dataset.damaged);
  window.ncskitBoot.unpacked = performance.now();
  document.body.append(main);
}

if (typeof DecompressionStream !== 'function' || typeof Blob !== 'function' || typeof TextDecoder !== 'function' || typeof URL.createObjectURL !== 'function') {
  stop('unsupported-browser', packed.dataset.tooOld);
} else {
  unpack().catch(() => stop('start', packed.dataset.damaged));
}
