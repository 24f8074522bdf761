#!/usr/bin/env node
// Runs queries through search.js over a site's JSON index and prints one result list per query,
// in the shape of `broadsheet search --json`. Used by the Swift parity test.
// usage: node run-queries.js SITE QUERIES.json   (QUERIES: [{query, topic?, year?, limit?}])
"use strict";
const fs = require("node:fs");
const { createNodeEngine } = require("./node-engine.js");

async function main() {
  const [site, queriesFile] = process.argv.slice(2);
  const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
  const { engine } = createNodeEngine(site);
  const out = [];
  for (const q of queries) {
    const res = await engine.search(q.query, { topic: q.topic, year: q.year, limit: q.limit });
    out.push(res.results.map((r) => ({ url: r.url, title: r.title, date: r.date, topics: r.topics, score: r.score })));
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
