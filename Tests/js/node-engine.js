// Loads Templates/assets/search.js into node and gives it a loader over a generated site, so the
// browser engine can be tested and measured without a browser.
// twins=false: reads the JSON inside the files (what tools read); twins=true: runs the scripts
// the browser loads, counting their bytes.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SEARCH_JS = path.join(__dirname, "..", "..", "Templates", "assets", "search.js");

function loadSearchJS() {
  if (!globalThis.BroadsheetSearch || !globalThis.BroadsheetSearch.Engine) {
    vm.runInThisContext(fs.readFileSync(SEARCH_JS, "utf8"), { filename: SEARCH_JS });
  }
  return globalThis.BroadsheetSearch;
}

function createNodeEngine(site, options = {}) {
  const api = loadSearchJS();
  const stats = { files: [], bytes: 0 };
  const cache = new Map();
  function load(id) {
    if (cache.has(id)) return cache.get(id);
    // Only the manifest also exists as plain JSON (docs/search-index.md, "Files").
    const file = path.join(site, api.pathFor(id, options.twins || id !== "index" ? "js" : "json"));
    let promise;
    try {
      const text = fs.readFileSync(file, "utf8");
      stats.files.push(id);
      stats.bytes += Buffer.byteLength(text, "utf8");
      if (options.twins) {
        // The twin calls globalThis.BroadsheetSearch.register(id, data); catch that call.
        let captured;
        const register = api.register;
        api.register = (i, d) => { captured = d; };
        try { vm.runInThisContext(text); } finally { api.register = register; }
        promise = Promise.resolve(captured);
      } else {
        const json = id === "index" ? text : text.slice(text.indexOf('.register("' + id + '",') + id.length + 13, text.lastIndexOf(");"));
        promise = Promise.resolve(JSON.parse(json));
      }
    } catch (e) {
      promise = Promise.reject(e);
    }
    cache.set(id, promise);
    return promise;
  }
  return { engine: new api.Engine(load), stats, api };
}

module.exports = { createNodeEngine, loadSearchJS, SEARCH_JS };
