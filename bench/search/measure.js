#!/usr/bin/env node
// Bytes each query loads and time to results, for an index written by broadsheet-search-bench
// or `broadsheet build`. Loads the classic-script twins exactly as the browser would (search.js,
// search-index.js, then the shards the query names), each query with a cold cache.
// usage: node bench/search/measure.js SITE [QUERY…]   (defaults: a fixed query set)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createNodeEngine, SEARCH_JS } = require("../../Tests/js/node-engine.js");

const DEFAULT_QUERIES = ["就业", "就業", "乡村振兴", "生态环境保护", "高质量发展", "职业技能培训", "5G", "GDP", "12315",
  "就业 培训", "就业 -乡村", "“新增就业”", "业", "绿水青山就是金山银山"];
const SHOWN = 10;

async function measure(site, query) {
  const { engine, stats } = createNodeEngine(site, { twins: true });
  const t0 = process.hrtime.bigint();
  const res = await engine.search(query, { limit: SHOWN });
  const t1 = process.hrtime.bigint();
  // As the results page does: whole bodies only where the hit lies beyond the excerpt text.
  const api = globalThis.BroadsheetSearch;
  for (const r of res.results) {
    if (!api.excerpt(r.doc, res.terms, engine.normalize, 90).ranges.length && r.doc.more && r.bodyHits > 0) {
      await engine.load(r.doc.more);
    }
  }
  const kinds = { index: 0, postings: 0, docs: 0 };
  const sizes = {};
  for (const id of stats.files) {
    const size = fs.statSync(path.join(site, engine.manifest ? pathFor(id) : "")).size;
    sizes[id] = size;
    kinds[id === "index" ? "index" : id.startsWith("p/") ? "postings" : "docs"] += size; // docs: d/ and x/
  }
  const scriptBytes = fs.statSync(SEARCH_JS).size;
  return {
    query, total: res.total, files: stats.files.length, searchJs: scriptBytes, ...kinds,
    bytes: scriptBytes + kinds.index + kinds.postings + kinds.docs, ms: Number(t1 - t0) / 1e6,
  };
}

function pathFor(id) { return globalThis.BroadsheetSearch.pathFor(id, "js"); }

async function main() {
  const [site, ...queries] = process.argv.slice(2);
  if (!site) { console.error("usage: measure.js SITE [QUERY…]"); process.exit(2); }
  const rows = [];
  for (const q of queries.length ? queries : DEFAULT_QUERIES) rows.push(await measure(site, q));
  const kib = (n) => (n / 1024).toFixed(1);
  console.log("| query | results | files | search.js KiB | search-index.js KiB | postings KiB | docs KiB | **total KiB** | ms (node, cold) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(`| ${r.query} | ${r.total} | ${r.files} | ${kib(r.searchJs)} | ${kib(r.index)} | ${kib(r.postings)} | ${kib(r.docs)} | **${kib(r.bytes)}** | ${r.ms.toFixed(0)} |`);
  }
  if (process.env.MEASURE_JSON) fs.writeFileSync(process.env.MEASURE_JSON, JSON.stringify(rows, null, 1));
}
main().catch((e) => { console.error(e); process.exit(1); });
