// Broadsheet search: the engine of docs/search-index.md (same rules, same order as the Swift
// SearchEngine) and, when a page is present, the search box and results list.
// Index files arrive as classic scripts that call BroadsheetSearch.register(id, data), because
// fetch, XHR and modules are blocked on file://. In node the engine is on globalThis.BroadsheetSearch.
(function (global) {
  "use strict";

  // ---------- registry: data registered by index scripts, possibly before this script ran ----------
  var previous = global.BroadsheetSearch;
  var loaded = Object.create(null);
  var waiting = Object.create(null);
  function register(id, data) {
    loaded[id] = data;
    var list = waiting[id];
    if (list) { delete waiting[id]; list.forEach(function (w) { w.resolve(data); }); }
  }

  // ---------- normalisation and tokenizer ----------
  function makeNormalizer(foldPairs) {
    var fold = Object.create(null);
    var chars = Array.from(foldPairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) fold[chars[i]] = chars[i + 1];
    return function normalize(text) {
      var out = "";
      for (var ch of String(text).normalize("NFKC").toLowerCase()) out += fold[ch] || ch;
      return out;
    };
  }
  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FA1F) || c === 0x3007;
  }
  function isWord(c) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)) return true;
    if (c === 0xD7 || c === 0xF7) return false;
    return (c >= 0xC0 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF) ||
      (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || c === 0x30FC || (c >= 0xAC00 && c <= 0xD7A3);
  }
  // Units of normalised text: {han, text, position, start, end} (start/end: code-unit offsets).
  function tokenize(text, from, units) {
    var pos = from, word = "", wordStart = 0, lastWasUnit = false, offset = 0;
    function flush() {
      if (!word) return;
      units.push({ han: false, text: word, position: pos, start: wordStart, end: offset });
      pos += 1; word = ""; lastWasUnit = true;
    }
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (isHan(c)) {
        flush();
        units.push({ han: true, text: ch, position: pos, start: offset, end: offset + ch.length });
        pos += 1; lastWasUnit = true;
      } else if (isWord(c)) {
        if (!word) wordStart = offset;
        word += ch;
      } else {
        flush();
        if (lastWasUnit) { pos += 1; lastWasUnit = false; }
      }
      offset += ch.length;
    }
    flush();
    return lastWasUnit ? pos + 1 : pos;
  }
  function coverKeys(units) {
    var keys = [], i = 0;
    while (i < units.length) {
      var u = units[i];
      if (!u.han) { keys.push({ key: u.text, offset: u.position }); i += 1; continue; }
      var end = i + 1;
      while (end < units.length && units[end].han && units[end].position === units[end - 1].position + 1) end += 1;
      var run = units.slice(i, end);
      if (run.length > 1) {
        var starts = [];
        for (var s = 0; s <= run.length - 2; s += 2) starts.push(s);
        if (starts[starts.length - 1] !== run.length - 2) starts.push(run.length - 2);
        starts.forEach(function (s) { keys.push({ key: run[s].text + run[s + 1].text, offset: run[s].position }); });
      } else if (end < units.length && units[end].position === u.position + 1) {
        // The pair proves the following word too, so that word needs no key of its own.
        keys.push({ key: u.text + units[end].text, offset: u.position });
        end += 1;
      } else if (i > 0 && units[i - 1].position === u.position - 1) {
        keys[keys.length - 1] = { key: units[i - 1].text + u.text, offset: units[i - 1].position };
      } else {
        keys.push({ key: u.text, offset: u.position });
      }
      i = end;
    }
    return keys;
  }

  // ---------- queries ----------
  var QUOTES = "\"\u201C\u201D\u300C\u300D\u300E\u300F";
  function isSpace(ch) { return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u3000"; }
  function parseQuery(normalized) {
    var s = Array.from(normalized), terms = [], i = 0;
    while (i < s.length) {
      if (isSpace(s[i])) { i += 1; continue; }
      var excluded = false;
      if (s[i] === "-" && i + 1 < s.length && !isSpace(s[i + 1])) { excluded = true; i += 1; }
      var text = "";
      if (QUOTES.indexOf(s[i]) >= 0) {
        i += 1;
        while (i < s.length && QUOTES.indexOf(s[i]) < 0) { text += s[i]; i += 1; }
        i += 1;
      } else {
        while (i < s.length && !isSpace(s[i])) { text += s[i]; i += 1; }
      }
      var units = [];
      tokenize(text, 0, units);
      if (units.length) terms.push({ text: text, units: units, keys: coverKeys(units), excluded: excluded });
    }
    return terms;
  }

  // ---------- postings ----------
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(65536).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;
  function decodeNumbers(text) {
    var out = [], acc = 0;
    for (var i = 0; i < text.length; i++) {
      var v = DIGIT[text.charCodeAt(i)];
      if (v < 0) throw new Error("search index: bad postings");
      acc = acc * 32 + (v & 31);
      if (v < 32) { out.push(acc); acc = 0; }
    }
    return out;
  }
  // A key is a unigram (one Han character, stored without positions) or positioned.
  function isUnigram(key) {
    var cs = Array.from(key);
    return cs.length === 1 && isHan(cs[0].codePointAt(0));
  }
  // Postings as parallel arrays (docs ascending): doc, head, body, and each entry's positions
  // as pos[start[i]] … pos[start[i + 1] - 1]. Decoded straight from the text, no number list.
  function decodeEntries(text, positioned) {
    var docs = [], heads = [], bodies = [], start = [0], pos = [];
    var field = 0, doc = -1, tf = 0, remaining = 0, p = -1, acc = 0;
    // field: 0 doc delta, 1 tf×2+h, 2 head count, 3 positions
    for (var i = 0; i < text.length; i++) {
      var v = DIGIT[text.charCodeAt(i)];
      if (v < 0) throw new Error("search index: bad postings");
      acc = acc * 32 + (v & 31);
      if (v >= 32) continue;
      var n = acc;
      acc = 0;
      if (field === 0) { doc += n; docs.push(doc); field = 1; }
      else if (field === 1) {
        tf = n >> 1;
        heads.push(0);
        bodies.push(tf);
        if (n & 1) field = 2;
        else if (positioned && tf > 0) { field = 3; remaining = tf; p = -1; }
        else { start.push(pos.length); field = 0; }
      } else if (field === 2) {
        heads[heads.length - 1] = n;
        bodies[bodies.length - 1] = tf - n;
        if (positioned && tf > 0) { field = 3; remaining = tf; p = -1; }
        else { start.push(pos.length); field = 0; }
      } else {
        p += n;
        pos.push(p);
        if (--remaining === 0) { start.push(pos.length); field = 0; }
      }
    }
    return { docs: docs, heads: heads, bodies: bodies, start: start, pos: pos };
  }
  // A term's matches: parallel arrays, docs ascending.
  function add(result, doc, head, body) { result.docs.push(doc); result.heads.push(head); result.bodies.push(body); }
  function indexOfSorted(list, x, from, to) {
    var lo = from, hi = to - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] === x) return mid;
      if (list[mid] < x) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }
  function hash(key) {
    var h = 2166136261;
    for (var ch of key) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }
  function pathFor(id, ext) { return id === "index" ? "search-index." + ext : "search/" + id + "." + ext; }

  // ---------- engine ----------
  // load(id) returns a promise of the file's data (JSON value).
  function Engine(load) {
    this.load = load;
    this.manifest = null;
    this.normalize = null;
  }
  Engine.prototype.ready = function () {
    var self = this;
    if (self.manifest) return Promise.resolve(self);
    return self.load("index").then(function (m) {
      if (m.format !== "broadsheet-search" || m.version !== 3) throw new Error("search index: unsupported version");
      self.manifest = m;
      self.normalize = makeNormalizer(m.fold);
      return self;
    });
  };
  // A key's postings: {text, file} from its shard, or from its own file.
  Engine.prototype.encodedPostings = function (key) {
    var self = this, shard = "p/" + (hash(key) & (self.manifest.postingShards - 1));
    return self.load(shard).then(function (data) {
      if (data.files[key]) return self.load(data.files[key]).then(function (f) { return { text: f.postings, file: f }; });
      return data.terms[key] ? { text: data.terms[key], file: null } : null;
    });
  };
  // Decoded postings; positions only when asked for (a large key keeps them in another file).
  Engine.prototype.postings = function (key, withPositions) {
    var self = this, positioned = !isUnigram(key);
    return self.encodedPostings(key).then(function (found) {
      if (!found) return decodeEntries("", false);
      var list = decodeEntries(found.text, positioned && !found.file);
      if (!positioned || !withPositions || !found.file || !found.file.positions) return list;
      return self.load(found.file.positions).then(function (pf) {
        var deltas = decodeNumbers(pf.positions), at = 0;
        list.start = [0];
        for (var e = 0; e < list.docs.length; e++) {
          var tf = list.heads[e] + list.bodies[e];
          for (var k = 0, p = -1; k < tf; k++) { p += deltas[at++]; list.pos.push(p); }
          list.start.push(list.pos.length);
        }
        return list;
      });
    });
  };
  // Docs where the keys sit at their offsets from a common start. The positioned key with the
  // fewest docs anchors each occurrence; unpositioned (unigram) keys need only be present.
  Engine.prototype.match = function (keys) {
    var self = this;
    var positionedKeys = keys.filter(function (k) { return !isUnigram(k.key); }).length;
    return Promise.all(keys.map(function (k) { return self.postings(k.key, positionedKeys > 1); })).then(function (lists) {
      var anchor = -1;
      for (var a = 0; a < keys.length; a++) {
        if (!isUnigram(keys[a].key) && (anchor < 0 || lists[a].docs.length < lists[anchor].docs.length)) anchor = a;
      }
      var anchorPositioned = anchor >= 0;
      if (anchor < 0) anchor = 0;
      var A = lists[anchor], result = { docs: [], heads: [], bodies: [] };
      var cursor = keys.map(function () { return 0; });
      for (var e = 0; e < A.docs.length; e++) {
        var doc = A.docs[e], found = [], missing = false;
        for (var k = 0; k < keys.length && !missing; k++) {
          if (k === anchor) { found.push(e); continue; }
          var L = lists[k], at = indexOfSorted(L.docs, doc, cursor[k], L.docs.length);
          if (at < 0) missing = true; else { cursor[k] = at; found.push(at); }
        }
        if (missing) continue;
        if (!anchorPositioned || positionedKeys < 2) { add(result, doc, A.heads[e], A.bodies[e]); continue; }
        var head = 0, body = 0, checked = 0;
        for (var i = A.start[e]; i < A.start[e + 1]; i++) {
          var ok = true;
          for (var o = 0; o < keys.length && ok; o++) {
            if (o === anchor || isUnigram(keys[o].key)) continue;
            var O = lists[o], want = A.pos[i] - keys[anchor].offset + keys[o].offset;
            ok = indexOfSorted(O.pos, want, O.start[found[o]], O.start[found[o] + 1]) >= 0;
          }
          if (ok) { if (checked < A.heads[e]) head += 1; else body += 1; }
          checked += 1;
        }
        if (head + body > 0) add(result, doc, head, body);
      }
      return result;
    });
  };
  Engine.prototype.markerDocs = function (key) {
    return this.encodedPostings(key).then(function (found) {
      var set = new Set(), doc = -1;
      if (found) decodeNumbers(found.text).forEach(function (d) { doc += d; set.add(doc); });
      return set;
    });
  };
  Engine.prototype.document = function (id) {
    var per = this.manifest.docsPerChunk;
    return this.load("d/" + Math.floor(id / per)).then(function (chunk) { return chunk.docs[id % per]; });
  };
  // Ranked doc ids with scores: {terms, ranked: Ranking}. Options: topic, year.
  Engine.prototype.rank = function (query, options) {
    var self = this;
    options = options || {};
    return self.ready().then(function () {
      var m = self.manifest, terms = parseQuery(self.normalize(query));
      var positive = terms.filter(function (t) { return !t.excluded; });
      var negative = terms.filter(function (t) { return t.excluded; });
      if (!positive.length) return { terms: terms, ranked: new Ranking(new Float64Array(0), null) };
      var topic = options.topic ? self.markerDocs("#t:" + options.topic) : Promise.resolve(null);
      return Promise.all([
        Promise.all(positive.map(function (t) { return self.match(t.keys); })),
        Promise.all(negative.map(function (t) { return self.match(t.keys); })),
        topic,
      ]).then(function (all) {
        var matches = all[0], excluded = all[1], topicDocs = all[2];
        var range = options.year != null ? m.years[String(options.year)] : null;
        if (options.year != null && !range) return { terms: terms, ranked: new Ranking(new Float64Array(0), null) };
        var n = m.docCount, r = m.ranking;
        var idfs = matches.map(function (mt) { var df = mt.docs.length; return Math.log(1 + (n - df + 0.5) / (df + 0.5)); });
        var at = matches.map(function () { return 0; }), ex = excluded.map(function () { return 0; });
        var hits = new Int32Array(matches.length), first = matches[0];
        // Sort keys: (SCORE_SPAN − round(score × 10⁴)) × DOC_SPAN + doc, so one numeric sort gives
        // score descending, then doc ascending; exact below 2^53.
        var keys = new Float64Array(first.docs.length), count = 0, bodyHitsOf = new Int32Array(n);
        candidates: for (var c = 0; c < first.docs.length; c++) {
          var doc = first.docs[c];
          hits[0] = c;
          for (var t = 1; t < matches.length; t++) {
            var i = indexOfSorted(matches[t].docs, doc, at[t], matches[t].docs.length);
            if (i < 0) continue candidates;
            at[t] = i;
            hits[t] = i;
          }
          for (var x = 0; x < excluded.length; x++) {
            var j = indexOfSorted(excluded[x].docs, doc, ex[x], excluded[x].docs.length);
            if (j >= 0) continue candidates;
          }
          if (range && (doc < range[0] || doc > range[1])) continue;
          if (topicDocs && !topicDocs.has(doc)) continue;
          var score = 0, bodyHits = 0;
          for (var u = 0; u < matches.length; u++) {
            var head = matches[u].heads[hits[u]], body = matches[u].bodies[hits[u]], tf = head + body;
            score += idfs[u] * (tf * (r.k1 + 1)) / (tf + r.k1);
            bodyHits += body;
            if (head > 0) score += r.headBonus;
          }
          bodyHitsOf[doc] = bodyHits;
          keys[count++] = (SCORE_SPAN - Math.round(score * 10000)) * DOC_SPAN + doc;
        }
        keys = keys.subarray(0, count).sort();
        return { terms: terms, ranked: new Ranking(keys, bodyHitsOf) };
      });
    });
  };
  var SCORE_SPAN = 1073741824, DOC_SPAN = 4194304; // 2^30 score steps of 10⁻⁴, 2^22 docs: keys < 2^52
  // Ranked docs, decoded from sort keys on demand: length, and item(i) = {doc, score, bodyHits}.
  function Ranking(keys, bodyHitsOf) { this.keys = keys; this.bodyHitsOf = bodyHitsOf; this.length = keys.length; }
  Ranking.prototype.item = function (i) {
    var key = this.keys[i], doc = key % DOC_SPAN;
    return { doc: doc, score: (SCORE_SPAN - (key - doc) / DOC_SPAN) / 10000, bodyHits: this.bodyHitsOf[doc] };
  };
  Ranking.prototype.slice = function (from, to) {
    var out = [];
    for (var i = from; i < Math.min(to == null ? this.length : to, this.length); i++) out.push(this.item(i));
    return out;
  };
  // Results with their display records: {terms, total, results: [{id, url, title, kicker, date, topics, score, doc}]}.
  Engine.prototype.search = function (query, options) {
    var self = this;
    options = options || {};
    return self.rank(query, options).then(function (r) {
      var from = options.offset || 0;
      var page = options.limit == null ? r.ranked.slice(from) : r.ranked.slice(from, from + options.limit);
      return Promise.all(page.map(function (x) { return self.document(x.doc); })).then(function (docs) {
        return {
          terms: r.terms, total: r.ranked.length,
          results: page.map(function (x, i) {
            var d = docs[i];
            return {
              id: x.doc, url: d.url, title: d.title, kicker: d.kicker, date: d.date, topics: d.topics, score: x.score,
              bodyHits: x.bodyHits, doc: d,
            };
          }),
        };
      });
    });
  };

  // ---------- highlighting ----------
  // Ranges [start, end) of `text` (original script) where a query term occurs, by the same
  // tokenizer, so highlights agree with matches. Each code point is normalised on its own to keep
  // offsets into the original text.
  function highlightRanges(text, terms, normalize) {
    var units = [], norm = "", toOriginal = [], o = 0;
    for (var ch of text) {
      var n = normalize(ch);
      for (var j = 0; j < n.length; j++) toOriginal.push(o);
      norm += n;
      o += ch.length;
    }
    toOriginal.push(o);
    tokenize(norm, 0, units);
    function original(normOffset) { return toOriginal[normOffset]; }
    var byPosition = new Map();
    units.forEach(function (u, i) { byPosition.set(u.position, i); });
    var ranges = [];
    terms.forEach(function (t) {
      if (t.excluded) return;
      var base = t.units[0].position;
      units.forEach(function (u) {
        if (u.text !== t.units[0].text) return;
        var last = u;
        for (var k = 1; k < t.units.length; k++) {
          var idx = byPosition.get(u.position + t.units[k].position - base);
          if (idx === undefined || units[idx].text !== t.units[k].text) return;
          last = units[idx];
        }
        ranges.push([original(u.start), original(last.end)]);
      });
    });
    ranges.sort(function (p, q) { return p[0] - q[0] || q[1] - p[1]; });
    var merged = [];
    ranges.forEach(function (rg) {
      var top = merged[merged.length - 1];
      if (top && rg[0] <= top[1]) top[1] = Math.max(top[1], rg[1]); else merged.push(rg.slice());
    });
    return merged;
  }
  // An excerpt of about `size` characters around the first hit in the body: {text, ranges}.
  function excerpt(doc, terms, normalize, size) {
    var blocks = doc.text || [];
    for (var b = 0; b < blocks.length; b++) {
      var ranges = highlightRanges(blocks[b], terms, normalize);
      if (!ranges.length) continue;
      var start = Math.max(0, ranges[0][0] - Math.floor(size / 4));
      var end = Math.min(blocks[b].length, start + size);
      return {
        text: blocks[b].slice(start, end), prefix: start > 0, suffix: end < blocks[b].length,
        ranges: ranges.filter(function (r) { return r[0] >= start && r[1] <= end; }).map(function (r) { return [r[0] - start, r[1] - start]; }),
      };
    }
    var first = blocks[0] || "";
    return { text: first.slice(0, size), prefix: false, suffix: first.length > size, ranges: [] };
  }

  var api = {
    register: register,
    Engine: Engine,
    makeNormalizer: makeNormalizer,
    tokenize: tokenize,
    coverKeys: coverKeys,
    parseQuery: parseQuery,
    decodeNumbers: decodeNumbers,
    hash: hash,
    pathFor: pathFor,
    highlightRanges: highlightRanges,
    excerpt: excerpt,
    // Engine over data registered by script elements under `root` (the browser loader).
    scriptEngine: function (root, doc) {
      return new Engine(function (id) {
        if (loaded[id]) return Promise.resolve(loaded[id]);
        return new Promise(function (resolve, reject) {
          var first = !waiting[id];
          (waiting[id] = waiting[id] || []).push({ resolve: resolve, reject: reject });
          if (!first) return;
          var el = doc.createElement("script");
          el.src = root + pathFor(id, "js");
          el.onerror = function () {
            var list = waiting[id] || [];
            delete waiting[id];
            list.forEach(function (w) { w.reject(new Error("cannot load " + el.src)); });
          };
          doc.head.appendChild(el);
        });
      });
    },
  };
  global.BroadsheetSearch = api;
  if (previous && previous.pending) previous.pending.forEach(function (p) { register(p[0], p[1]); });

  // ---------- page ----------
  if (typeof document === "undefined") return;
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var PAGE = 10;

  function mark(parent, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      var m = document.createElement("mark");
      m.textContent = text.slice(r[0], r[1]);
      parent.appendChild(m);
      at = r[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function start() {
    var input = document.getElementById("search-input");
    var list = document.querySelector("[data-search-results]");
    if (!input || !list) return;
    var engine = api.scriptEngine(root, document);
    var onSearchPage = /(^|\/)search\.html$/.test(location.pathname);
    var status = document.createElement("p");
    status.className = "search-status";
    status.setAttribute("role", "status");
    list.parentNode.insertBefore(status, list);
    if (!list.getAttribute("aria-label")) list.setAttribute("aria-label", "搜索结果");
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = "显示更多结果";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    var generation = 0, shown = 0, current = "";

    function topicName(id) {
      var t = (engine.manifest.topics || []).filter(function (x) { return x.id === id; })[0];
      return t ? t.name : id;
    }
    function item(r, terms) {
      var li = document.createElement("li");
      li.className = "search-result";
      var h = document.createElement("h2");
      h.className = "search-result-title";
      var a = document.createElement("a");
      a.href = root + r.url;
      mark(a, r.title, highlightRanges(r.title, terms, engine.normalize));
      h.appendChild(a);
      li.appendChild(h);
      var meta = document.createElement("p");
      meta.className = "search-result-meta";
      if (r.date) {
        var time = document.createElement("time");
        time.setAttribute("datetime", r.date);
        time.textContent = r.date;
        meta.appendChild(time);
      }
      if (r.topics && r.topics.length) {
        meta.appendChild(document.createTextNode((r.date ? " · " : "") + r.topics.map(topicName).join("、")));
      }
      li.appendChild(meta);
      var p = document.createElement("p");
      p.className = "search-result-excerpt";
      function fill(doc) {
        var ex = excerpt(doc, terms, engine.normalize, 90);
        p.textContent = "";
        mark(p, (ex.prefix ? "…" : "") + ex.text + (ex.suffix ? "…" : ""),
          ex.ranges.map(function (rg) { return ex.prefix ? [rg[0] + 1, rg[1] + 1] : rg; }));
        return ex;
      }
      // A long body is cut in the doc chunk; load the rest only when the hits all lie beyond the cut.
      if (!fill(r.doc).ranges.length && r.doc.more && r.bodyHits > 0) {
        engine.load(r.doc.more).then(function (rest) { fill({ text: rest.text }); }, function () {});
      }
      li.appendChild(p);
      return li;
    }
    function show(query, append) {
      var mine = ++generation;
      if (!append) { shown = 0; current = query; }
      if (!query.trim()) {
        list.textContent = ""; status.textContent = ""; more.hidden = true;
        list.removeAttribute("data-search-state");
        return Promise.resolve();
      }
      var began = Date.now();
      list.setAttribute("data-search-state", "loading");
      return engine.search(query, { offset: shown, limit: PAGE }).then(function (res) {
        if (mine !== generation) return;
        if (!append) list.textContent = "";
        res.results.forEach(function (r) { list.appendChild(item(r, res.terms)); });
        shown += res.results.length;
        status.textContent = res.total ? "找到 " + res.total + " 篇文章" : "没有找到与“" + query + "”相关的文章";
        more.hidden = shown >= res.total;
        list.setAttribute("data-search-ms", String(Date.now() - began));
        if (global.performance) list.setAttribute("data-search-at", String(Math.round(performance.now())));
        list.setAttribute("data-search-state", "done");
      }, function (err) {
        if (mine !== generation) return;
        status.textContent = "搜索索引无法加载";
        list.setAttribute("data-search-state", "error");
        if (global.console) console.error(err);
      });
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        show(input.value);
        if (onSearchPage && global.history && history.replaceState) {
          // Keeps ?q= in step for reloads and sharing; some browsers refuse it on file://.
          try { history.replaceState(null, "", input.value ? "?q=" + encodeURIComponent(input.value) : location.pathname); } catch (e) { /* keep the old URL */ }
        }
      }, 80);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll(".search-result-title a"));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === "ArrowDown" && i + 1 < links.length) links[i + 1].focus();
      else if (e.key === "ArrowUp") (i > 0 ? links[i - 1] : input).focus();
    });
    more.addEventListener("click", function () { show(current, true); });
    var form = input.form;
    if (form && onSearchPage) {
      form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); show(input.value); });
    }
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; show(q); }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof globalThis !== "undefined" ? globalThis : this);
