package main

// The page needs the model, the names of the templates and the model's
// reference before it can show its first screen, and it needs none of the
// scoring machinery until a session is scored. So the answers of "info",
// "model" and "vocab" are made from the model's files as they are
// (package catalog), and the model is decoded (assess.Default) on the
// first scoring, validation or export. Go's JSON decoder is slow in
// WebAssembly (about a microsecond a byte in the browser's baseline
// compiler), so the 600 KB of the model's pillar files are passed on as
// they are, never scanned: the page reads them with its own JSON parser,
// once, in the form it uses.
//
// The workbook's engine is compiled with the build tag ncskit_page
// (wasm/web): its page carries the first answers, the model among them,
// and hands the model's document to the engine (model_page.go), which
// then embeds no copy of the model's files. Any other build reads the
// files that package assess embeds (model_embed.go).
