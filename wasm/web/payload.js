// payload.js decodes the page's compressed parts: the engine (in the
// worker, before worker.js) and the page's own scripts and words (before
// boot.js). Each is gzip-compressed and written byte for byte in the
// windows-1252 page (see wasm/web/payload.go); the browser hands its text
// over as characters, which decodeInto turns back into bytes.

// fault is an error the page words in its language: message is the key
// of its text in text.json (a "worker." key) and vars fill it.
function fault(key, vars = {}) {
  const err = new Error(key);
  err.vars = vars;
  return err;
}

const cp1252 = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];

const fromCp1252 = new Uint8Array(0x2200); // character → byte, for those of bytes 0x80-0x9F
cp1252.forEach((c, i) => { fromCp1252[c] = 0x80 + i; });

// decodeInto fills out from s starting at character i, and returns the
// index of the character that follows: a plain loop, which the engine
// compiles to fast code (a generator's own loop runs several times slower).
function decodeInto(s, i, out) {
  for (let k = 0; k < out.length; k++) {
    if (i >= s.length) throw fault('worker.early');
    let c = s.charCodeAt(i++);
    if (c === 0x3d) {
      // "=0", "=r", "=l" and "==" are escapes; "=" before anything else
      // stands for itself.
      const e = s.charCodeAt(i);
      const b = e === 0x30 ? 0x00 : e === 0x72 ? 0x0d : e === 0x6c ? 0x3c : e === 0x3d ? 0x3d : -1;
      if (b >= 0) {
        c = b;
        i++;
      }
    } else if (c >= 0x80 && (c < 0xa0 || c >= 0x100)) {
      const b = c < fromCp1252.length ? fromCp1252[c] : 0;
      if (b === 0) throw fault('worker.char', { at: i - 1 });
      c = b;
    }
    out[k] = c;
  }
  return i;
}
