// Unit tests of the browser engine's DOM-free parts. Run: node --test Tests/js/
// (The Swift test SearchParityTests runs run-queries.js to compare whole result lists with Swift.)
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const vm = require("node:vm");
const fs = require("node:fs");
const { SEARCH_JS } = require("./node-engine.js");

// Values made in the other context have other prototypes; compare their JSON form.
const plain = (x) => JSON.parse(JSON.stringify(x));

function freshApi(prelude) {
  const context = { console };
  context.globalThis = context;
  vm.createContext(context);
  if (prelude) vm.runInContext(prelude, context);
  vm.runInContext(fs.readFileSync(SEARCH_JS, "utf8"), context);
  return context.BroadsheetSearch;
}

const TWIN = (id, data) =>
  `(globalThis.BroadsheetSearch||(globalThis.BroadsheetSearch={pending:[],register:function(i,d){this.pending.push([i,d])}})).register(${JSON.stringify(id)},${JSON.stringify(data)});`;

test("an index script that loads before search.js is kept and served to the engine", async () => {
  const manifest = { format: "broadsheet-search", version: 3, docCount: 0, postingShards: 1, docsPerChunk: 2, years: {}, topics: [], fold: "業业", ranking: { k1: 1.2, headBonus: 100 } };
  const api = freshApi(TWIN("index", manifest));
  const doc = { createElement: () => ({}), head: { appendChild: () => assert.fail("must not load what is registered") } };
  const engine = api.scriptEngine("", doc);
  await engine.ready();
  assert.strictEqual(engine.manifest.docCount, 0);
  assert.strictEqual(engine.normalize("就業ＧＤＰ"), "就业gdp");
});

test("the tokenizer gives separators one gap and keeps words whole", () => {
  const api = freshApi();
  const units = [];
  api.tokenize("就业 5g，gdp增长", 0, units);
  assert.deepStrictEqual(plain(units).map((u) => [u.text, u.position]), [["就", 0], ["业", 1], ["5g", 3], ["gdp", 5], ["增", 6], ["长", 7]]);
});

test("cover keys prove a phrase with the fewest keys", () => {
  const api = freshApi();
  const keys = (q) => plain(api.parseQuery(q)[0].keys).map((k) => `${k.key}@${k.offset}`);
  assert.deepStrictEqual(keys("就业岗位"), ["就业@0", "岗位@2"]);
  assert.deepStrictEqual(keys("乡村振兴战略"), ["乡村@0", "振兴@2", "战略@4"]);
  assert.deepStrictEqual(keys("a股"), ["a股@0"]);
  assert.deepStrictEqual(keys("x光机"), ["x@0", "光机@1"]);
});

test("queries split into terms, quoted phrases and exclusions", () => {
  const api = freshApi();
  const terms = api.parseQuery("就业 -岗位 “新增 就业” 5g");
  assert.deepStrictEqual(plain(terms).map((t) => [t.text, t.excluded]), [["就业", false], ["岗位", true], ["新增 就业", false], ["5g", false]]);
});

test("posting numbers decode from base-32 text", () => {
  const api = freshApi();
  assert.deepStrictEqual(plain(api.decodeNumbers("0VX0_V")), [0, 31, 32, 1023]);
  assert.throws(() => api.decodeNumbers("!"));
});

test("FNV-1a hashing runs over Unicode scalars", () => {
  const api = freshApi();
  assert.strictEqual(api.hash(""), 2166136261);
  assert.strictEqual(api.hash("a"), 0xe40c292c);
});

test("highlights mark the original traditional text where the simplified query matches", () => {
  const api = freshApi();
  const normalize = api.makeNormalizer("業业穩稳");
  const terms = api.parseQuery(normalize("就业"));
  const text = "全市穩就業工作，就業優先";
  const ranges = api.highlightRanges(text, terms, normalize);
  assert.deepStrictEqual(plain(ranges).map((r) => text.slice(r[0], r[1])), ["就業", "就業"]);
  const ex = api.excerpt({ text: ["无关段落", text] }, terms, normalize, 90);
  assert.strictEqual(ex.text, text);
  assert.strictEqual(ex.ranges.length, 2);
});

test("search.js does nothing with the page when there is no document", () => {
  const api = freshApi();
  assert.strictEqual(typeof api.Engine, "function");
});
