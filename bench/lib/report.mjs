// Summaries, targets (measured ratio + pass/miss + cause), the console table and bench/RESULTS.md.
import { IMPLS, SCHEMES } from "./impls.mjs";
import { VENDORS } from "./common.mjs";
import { fmtBytes, int, max, median, min, x } from "./util.mjs";

const stat = (xs) => {
  const v = xs.filter((n) => typeof n === "number" && Number.isFinite(n));
  return v.length ? { median: median(v), min: min(v), max: max(v), n: v.length } : undefined;
};
const range = (s, f = (n) => n.toFixed(2)) => (s ? `${f(s.min)}–${f(s.max)}` : "–");
const implsOf = (v, kind) => IMPLS[v].filter((i) => i.kind === kind);

/** Per-round ratios of ours (and the facade) to the baselines and the fastest official SDK, per mode. */
export function summarizeThroughput(t, vendors) {
  const out = {};
  for (const v of vendors) {
    const s = t.samples[v];
    if (!s) continue;
    const abs = {};
    for (const [id, modes] of Object.entries(s)) abs[id] = { seq: stat(modes.seq), conc: stat(modes.conc) };
    const ratios = {};
    for (const who of ["ours", "ours-fetch", "facade"]) {
      if (!s[who]) continue;
      ratios[who] = {};
      for (const mode of ["seq", "conc"]) {
        const rounds = s[who][mode].length;
        const per = { vsHttp: [], vsFetch: [], vsOfficial: [], fetchVsHttp: [], fetchVsOfficial: [], vsWeb: [], webVsHttp: [], webVsOfficial: [] };
        for (let r = 0; r < rounds; r++) {
          const mine = s[who][mode][r];
          const http = s.http?.[mode][r];
          const fetch = s.fetch?.[mode][r];
          // The node:http baseline that also builds the platform's Request and Response (row http-web).
          const web = s["http-web"]?.[mode][r];
          const officials = implsOf(v, "official").map((i) => s[i.id]?.[mode][r]).filter((n) => typeof n === "number");
          if (mine == null) continue;
          if (http) per.vsHttp.push(mine / http);
          if (fetch) per.vsFetch.push(mine / fetch);
          if (officials.length) per.vsOfficial.push(mine / Math.max(...officials));
          if (http && fetch) per.fetchVsHttp.push(fetch / http);
          if (fetch && officials.length) per.fetchVsOfficial.push(fetch / Math.max(...officials));
          if (web) per.vsWeb.push(mine / web);
          if (web && http) per.webVsHttp.push(web / http);
          if (web && officials.length) per.webVsOfficial.push(web / Math.max(...officials));
        }
        ratios[who][mode] = Object.fromEntries(Object.entries(per).map(([k, xs]) => [k, stat(xs)]));
      }
    }
    out[v] = { abs, ratios };
  }
  return out;
}

function fastestOfficial(v, rows, pick) {
  let best;
  for (const i of implsOf(v, "official")) {
    const val = pick(rows?.[i.id]);
    if (typeof val === "number" && (!best || val < best.value)) best = { id: i.id, value: val };
  }
  return best;
}

/** Every target, per vendor: { target, vendor, measured, ratio, pass: "pass" | "MISS" | "n/a", cause }. */
export function targets(results) {
  const S = results.sections;
  const list = [];
  const add = (t) => list.push(t);
  for (const v of VENDORS) {
    const hasOfficial = implsOf(v, "official").length > 0;
    // 1. Browser bundle.
    const b = S.bundle?.rows?.[v]?.ours?.browser;
    if (b) {
      const pass = b.gzip !== undefined && b.gzip <= 10_000;
      const top = b.byPackage ? Object.entries(b.byPackage).slice(0, 3).map(([k, n]) => `${k} ${(n / 1000).toFixed(1)} kB`).join(", ") : "";
      add({
        target: "browser bundle ≤ 10 kB gzip (client + signing + XML)",
        vendor: v,
        measured: b.error ?? `${(b.gzip / 1000).toFixed(2)} kB gzip`,
        ratio: b.gzip !== undefined ? b.gzip / 10_000 : undefined,
        pass: pass ? "pass" : "MISS",
        cause: pass ? "" : b.error ?? `largest parts (minified, pre-gzip): ${top}`,
      });
    }
    // 2. Install footprint.
    const f = S.footprint?.rows?.[v];
    if (f?.ours) {
      const best = fastestOfficial(v, f, (r) => r?.bytes);
      if (!hasOfficial) add({ target: "install ≥ 20× smaller than the official SDK", vendor: v, measured: `${fmtBytes(f.ours.bytes)}`, pass: "n/a", cause: "no official SDK" });
      else if (best && f.ours.bytes) {
        const ratio = best.value / f.ours.bytes;
        add({
          target: "install ≥ 20× smaller than the official SDK",
          vendor: v,
          measured: `${fmtBytes(f.ours.bytes)} (client + @bucketry/signing${f.facade?.bytes ? `; the facade: ${fmtBytes(f.facade.bytes)}` : ""}) vs ${fmtBytes(best.value)} (${best.id}, smallest official)`,
          ratio,
          pass: ratio >= 20 ? "pass" : "MISS",
          cause:
            ratio >= 20
              ? ""
              : installCause(f.ours, best.value),
        });
      }
    }
    // 3. Cold start.
    const c = S.cold?.rows?.[v];
    if (c?.ours && !hasOfficial) add({ target: "cold start ≤ ½ the fastest official SDK's", vendor: v, measured: `${c.ours.ms?.toFixed(1)} ms`, pass: "n/a", cause: "no official SDK" });
    if (c?.ours && hasOfficial) {
      const best = fastestOfficial(v, c, (r) => r?.ms);
      if (best && c.ours.ms !== undefined) {
        const ratio = c.ours.ms / best.value;
        const fg = S.cold.fetchGlobals?.ms;
        add({
          target: "cold start ≤ ½ the fastest official SDK's",
          vendor: v,
          measured: `${c.ours.ms.toFixed(1)} ms vs ${best.value.toFixed(1)} ms (${best.id})`,
          ratio,
          pass: ratio <= 0.5 ? "pass" : "MISS",
          cause:
            ratio <= 0.5
              ? ""
              : `import + construct loads openapi-fetch, the generated client, one signer module and @bucketry/signing/fetch ` +
                `(node:crypto is loaded at the first signature, node:net / node:tls at the first request); undici (fetch's globals, ${fg?.toFixed(1) ?? "?"} ms when touched) is not loaded until the first request ` +
                `either (the generated client creates its openapi-fetch client then) — what is left is module loading, ${c["ours-fetch"]?.ms !== undefined ? `${c["ours-fetch"].ms.toFixed(1)} ms without @bucketry/signing/fetch` : "see the rows below"}`,
        });
      }
    }
    // 4–6. Throughput.
    const tr = S.throughput?.summary?.[v]?.ratios?.ours;
    if (tr) {
      for (const mode of ["seq", "conc"]) {
        const r = tr[mode];
        const label = mode === "seq" ? "sequential" : `concurrent (${S.throughput.config.inflight} in flight)`;
        if (hasOfficial) {
          const m = r.vsOfficial?.median;
          add({
            target: `${label} throughput ≥ 1.0× fastest official SDK`,
            vendor: v,
            measured: r.vsOfficial ? `${x(m)} (rounds ${range(r.vsOfficial)})` : "–",
            ratio: m,
            pass: m === undefined ? "n/a" : m >= 1 ? "pass" : "MISS",
            cause: m !== undefined && m < 1 ? officialCause(r) + profileCause(v, S.profile) + onOtherLines(S, v, mode) : "",
          });
        }
        const h = r.vsHttp?.median;
        add({
          target: `${label} throughput ≥ 0.95× node:http baseline (Node)`,
          vendor: v,
          measured: r.vsHttp ? `${x(h)} (rounds ${range(r.vsHttp)})` : "–",
          ratio: h,
          pass: h === undefined ? "n/a" : h >= 0.95 ? "pass" : "MISS",
          cause: h !== undefined && h < 0.95 ? transportCause(r) : "",
        });
        // The portable path: the same client on plain global fetch (row ours-fetch) against the plain-fetch baseline.
        const pr = S.throughput.summary[v].ratios["ours-fetch"]?.[mode];
        const fe = pr?.vsFetch?.median;
        add({
          target: `${label} throughput ≥ 0.9× plain fetch (portable path)`,
          vendor: v,
          measured: pr?.vsFetch ? `${x(fe)} (ours-fetch, rounds ${range(pr.vsFetch)})` : "–",
          ratio: fe,
          pass: fe === undefined ? "n/a" : fe >= 0.9 ? "pass" : "MISS",
          cause: fe !== undefined && fe < 0.9 ? ABOVE_FETCH + (ABOVE_FETCH_VENDOR[v] ?? "") : "",
        });
      }
    }
    // 4–5 again, on the other Node lines measured (run.mjs --node-lines): ours against the fastest official SDK.
    for (const [line, section] of nodeLineSections(S)) {
      if (!hasOfficial) continue;
      const label = (mode) => (mode === "seq" ? "sequential" : `concurrent (${section.config?.inflight ?? S.throughput?.config.inflight} in flight)`);
      if (section.reason) {
        if (tr) for (const mode of ["seq", "conc"]) add({ target: `${label(mode)} throughput ≥ 1.0× fastest official SDK, on Node ${line}`, vendor: v, measured: "–", pass: "n/a", cause: `not measured: ${section.reason}` });
        continue;
      }
      const lr = section.summary?.[v]?.ratios?.ours;
      if (!lr) continue;
      for (const mode of ["seq", "conc"]) {
        const r = lr[mode].vsOfficial;
        const m = r?.median;
        const h = lr[mode].vsHttp?.median;
        add({
          target: `${label(mode)} throughput ≥ 1.0× fastest official SDK, on Node ${line} (${section.machine?.node})`,
          vendor: v,
          measured: r ? `${x(m)} (rounds ${range(r)})` : "–",
          ratio: m,
          pass: m === undefined ? "n/a" : m >= 1 ? "pass" : "MISS",
          cause:
            m !== undefined && m < 1
              ? ((h !== undefined ? `ours reaches ${x(h)} of the node:http baseline in the same rounds on that line` : "") + profileCause(v, S.profileLines?.[line], `"Throughput on other Node lines", Node ${line}`)).replace(/^; /, "")
              : "",
        });
      }
    }
    // 7. Signing.
    for (const scheme of SCHEMES[v]) {
      const sg = S.signing?.rows?.[scheme];
      if (!sg) continue;
      const need = scheme === "oss-v1" ? 1.1 : 1.5;
      const m = sg.ratio?.median;
      add({
        target: `signing ops/s ≥ ${need}× official (${sg.label ?? scheme})`,
        vendor: v,
        measured: sg.error ?? `${int(sg.ours.median)} vs ${int(sg.sdk.median)} ops/s = ${x(m)} (rounds ${range(sg.ratio)})`,
        ratio: m,
        pass: m === undefined ? "n/a" : m >= need ? "pass" : "MISS",
        cause:
          m !== undefined && m < need
            ? "ours is measured per request including building its input (new URL + new Headers, ≈1 µs/op here) and works on undici Headers (set/delete/validation, ~10% of a V1 profile) plus awaits; the SDK signs plain objects synchronously — on the cheapest scheme (one HMAC-SHA1) that fixed cost dominates"
            : "",
      });
    }
  }
  return list;
}

/** Why ours' install is not 20× smaller: what it is made of, and what openapi-fetch alone weighs against the official SDK. */
function installCause(ours, officialBytes) {
  const parts = Object.entries(ours.byPackage ?? {});
  const fetchBytes = (ours.byPackage ?? {})["openapi-fetch"] ?? 0;
  const largest = parts
    .slice(0, 4)
    .map(([k, n]) => `${k} ${fmtBytes(n)}`)
    .join(", ");
  const floor = fetchBytes ? `; openapi-fetch, every generated client's runtime by design, ships its source, ESM + CJS builds, source maps and changelog (${fmtBytes(fetchBytes)}), so even it alone is only ${(officialBytes / fetchBytes).toFixed(1)}× smaller than the official SDK` : "";
  return `${ours.packages} packages; largest: ${largest}${floor}`;
}

const ABOVE_FETCH =
  "ours-fetch runs on the same global fetch as the baseline, so the gap is per-request work above fetch: openapi-fetch builds a Request " +
  "(undici: URL parse, Headers, an AbortSignal), which fetch copies into a Request of its own, and reads the Response back through a web stream; " +
  "the signing middleware signs that Request's headers in place and builds a second Request only when the signer rewrites the URL or signs a body — " +
  "the baseline hands fetch a URL string and a header object";
const ABOVE_FETCH_VENDOR = {
  "aliyun-ens": "",
  "hitachi-vsp-one-object": "; the JSON body travels inside the Request as a web stream that fetch reads back (the baseline hands fetch a string), the session clones each such Request to replay it after a 401 and awaits its token/CSRF state per call",
  "aliyun-oss":
    "; the XML middleware reads the body as text, parses it into the spec's shape (src/xml-parser.ts, a full well-formedness check) and hands openapi-fetch a second Response with the JSON, where the baseline pulls one element out with a regex",
  "baidu-bos": "",
  "huaweicloud-mpc": "",
};

/** The other Node lines measured, in order: [line, section] (a section holds `reason` when its line could not run). */
function nodeLineSections(S) {
  return Object.entries(S.throughputLines ?? {}).sort(([a], [b]) => Number(a) - Number(b));
}

/**
 * For a miss on the host's Node: what the same comparison gives on the other lines measured, and each line's CPU
 * per call (profile) of ours — with its platform Request/Response share — against the leanest official SDK.
 */
function onOtherLines(S, v, mode) {
  const parts = [];
  for (const [line, section] of nodeLineSections(S)) {
    const m = section.summary?.[v]?.ratios?.ours?.[mode]?.vsOfficial?.median;
    if (m !== undefined) parts.push(`${x(m)} on Node ${line}`);
  }
  if (!parts.length) return "";
  const cpu = [S.profile, ...Object.entries(S.profileLines ?? {}).sort(([a], [b]) => Number(a) - Number(b)).map(([, p]) => p)].flatMap((p) => {
    const ours = p?.rows?.[v]?.ours;
    const official = leanestOfficial(v, p);
    if (!ours || ours.error || !official) return [];
    return [`ours ${ours.cpu.toFixed(0)} µs (the platform's Request/Response ${ours.perCall["platform Request/Response"].toFixed(0)}) vs ${official.id} ${official.row.cpu.toFixed(0)} µs on ${p.machine?.node}`];
  });
  return (
    `; the same rows with the client on a later Node line (section "Throughput on other Node lines"): ${parts.join(", ")} — the same client code and server, only the client's Node release differs` +
    (cpu.length > 1 ? `; CPU per call (profile): ${cpu.join("; ")}` : "")
  );
}

/** The official SDK with the least CPU per call in a profile section: { id, row }. */
function leanestOfficial(v, section) {
  let official;
  for (const impl of implsOf(v, "official")) {
    const row = section?.rows?.[v]?.[impl.id];
    if (row && !row.error && (!official || row.cpu < official.row.cpu)) official = { id: impl.id, row };
  }
  return official;
}

function officialCause(r) {
  const fo = r.fetchVsOfficial?.median;
  const wo = r.webVsOfficial?.median;
  const h = r.vsHttp?.median;
  return (
    `ours reaches ${x(h)} of the node:http baseline in the same rounds (see that target for why)` +
    (wo !== undefined ? `; that baseline with only the platform's Request and Response added (row http-web) reaches ${x(wo)} of the fastest official SDK, which builds neither` : "") +
    (fo !== undefined ? `; plain fetch alone reaches ${x(fo)} of it` : "")
  );
}

/** CPU per call from the profile phase: ours, what of it the platform's Request/Response took, and the leanest official SDK. */
function profileCause(v, section, where = 'section "CPU per call"') {
  const rows = section?.rows?.[v];
  const ours = rows?.ours;
  if (!ours || ours.error) return "";
  const official = leanestOfficial(v, section);
  const us = (n) => `${n.toFixed(0)} µs`;
  const platform = ours.perCall["platform Request/Response"];
  return (
    `; CPU per call at ${section.inflight} in flight (${where}): ours ${us(ours.cpu)}, of which the platform's Request/Response ${us(platform)} ` +
    `and socket writes ${us(ours.perCall["socket writes"])}` +
    (official ? `; ${official.id} ${us(official.row.cpu)}, of which socket writes ${us(official.row.perCall["socket writes"])} — ours without the platform's objects would spend ${us(ours.cpu - platform)}` : "")
  );
}

function transportCause(r) {
  const fh = r.fetchVsHttp?.median;
  const wh = r.webVsHttp?.median;
  const vw = r.vsWeb?.median;
  return (
    "ours sends through @bucketry/signing's own HTTP/1.1 transport (@bucketry/signing/fetch), which spends less CPU per exchange than node:http; " +
    "what a fetch-shaped client cannot leave out is the platform's Request that openapi-fetch builds and the Response it reads (undici: URL parsing, " +
    "Headers, an AbortSignal, and per body a web stream — on Node 20 a transferable native object the garbage collector has to finalize)" +
    (wh !== undefined ? `: the node:http baseline with just those two added (row http-web) reaches ${x(wh)} of node:http in the same rounds` : "") +
    (vw !== undefined ? `, and ours reaches ${x(vw)} of that row` : "") +
    "; the rest is openapi-fetch's per-call work (path and query serialization, a Headers merge, an await per middleware) and the signer's " +
    "(a canonical request, two hashes, its header writes on the Request's Headers)" +
    (fh !== undefined ? `; plain global fetch reaches ${x(fh)} of node:http in the same rounds` : "")
  );
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

function table(headers, rows) {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const r of rows) lines.push(`| ${r.map((c) => String(c ?? "–").replace(/\|/g, "\\|")).join(" | ")} |`);
  return lines.join("\n");
}

/** A measured section's heading: title, when and where it was measured, and what it measures. */
function heading(out, title, section, intro) {
  out.push("", `## ${title}`, "", stamp(section), "", intro, "");
}

function stamp(section) {
  if (!section) return "";
  const m = Object.entries(section.measured ?? {});
  const quick = m.filter(([, w]) => w.quick).length;
  const q = quick === 0 ? "" : quick === m.length ? " — **quick smoke run, not for comparison**" : " — **some rows come from quick smoke runs (below)**";
  let text = `_Measured ${section.date} on ${section.machine?.cpu} ×${section.machine?.cores}, Node ${section.machine?.node}${q}._`;
  // A partial rerun (--vendor) replaces only some rows: say when (and how) each vendor's rows were measured.
  const how = (w) => `${w.date.slice(0, 16)}${w.quick ? " quick" : ""}${w.config ? ` n=${w.config.n} rounds=${w.config.rounds}` : ""}`;
  if (new Set(m.map(([, w]) => how(w))).size > 1) text += ` Rows by vendor: ${m.map(([v, w]) => `${v} ${how(w)}`).join("; ")}.`;
  return text;
}

/** A throughput section's two tables: requests/s per row, and ours' ratios to the baselines and the fastest official SDK. */
function throughputTables(out, t, whos = ["ours", "ours-fetch", "facade"]) {
  const rows = [];
  for (const v of VENDORS) {
    const s = t.summary?.[v];
    if (!s) continue;
    for (const [id, a] of Object.entries(s.abs)) {
      const err = (mode) => t.errors?.[`${v}/${id}/${mode}`];
      const cell = (mode) => err(mode) ?? (a[mode] ? `${int(a[mode].median)} (${range(a[mode], int)})` : "–");
      rows.push([v, id, cell("seq"), cell("conc")]);
    }
  }
  out.push(table(["vendor", "row", "sequential req/s", `${t.config.inflight} in flight req/s`], rows));
  out.push("");
  const rrows = [];
  for (const v of VENDORS) {
    const s = t.summary?.[v];
    if (!s) continue;
    for (const who of whos) {
      const r = s.ratios[who];
      if (!r) continue;
      for (const mode of ["seq", "conc"]) {
        const c = (k) => (r[mode][k] ? `${x(r[mode][k].median)} (${range(r[mode][k])})` : "–");
        rrows.push([v, who, mode, c("vsOfficial"), c("vsHttp"), c("vsFetch"), c("fetchVsHttp")]);
      }
    }
  }
  out.push(table(["vendor", "row", "mode", "÷ fastest official", "÷ node:http baseline", "÷ plain fetch baseline", "(plain fetch ÷ node:http)"], rrows));
}

/** A profile section's table: µs of CPU per call, by bucket, per row. */
function profileTable(out, p) {
  const buckets = p.buckets;
  const rows = [];
  for (const v of VENDORS) {
    for (const [id, r] of Object.entries(p.rows?.[v] ?? {})) {
      if (r.error) rows.push([v, id, r.error, ...buckets.map(() => "–")]);
      else rows.push([v, id, r.cpu.toFixed(0), ...buckets.map((b) => (r.perCall[b] >= 0.5 ? r.perCall[b].toFixed(0) : "·"))]);
    }
  }
  out.push(table(["vendor", "row", "CPU µs/call", ...buckets], rows));
}

export function renderMarkdown(results) {
  const S = results.sections;
  const m = results.machine;
  const out = [];
  out.push("# Benchmark results");
  out.push("");
  out.push("Generated by `npm run bench` (bench/run.mjs); see bench/README.md for what each row measures and how to rerun one.");
  out.push("");
  out.push("## Machine");
  out.push("");
  out.push(
    table(
      ["CPU", "cores", "Node", "OS", "date", "load avg at start (1/5/15 min)", "run"],
      [[m.cpu, m.cores, m.node, m.os, m.date, m.loadavg.map((n) => n.toFixed(2)).join(" / "), `${results.run.quick ? "--quick" : "full"} ${results.run.args.join(" ")} (${results.run.seconds} s)`]],
    ),
  );
  out.push("");
  out.push("## Targets");
  out.push("");
  out.push(
    table(
      ["vendor", "target", "measured", "ratio", "result", "cause of a miss"],
      results.targets.map((t) => [t.vendor, t.target, t.measured, t.ratio === undefined ? "–" : t.ratio.toFixed(2), t.pass === "MISS" ? "**MISS**" : t.pass, t.cause]),
    ),
  );

  if (S.footprint) {
    heading(out, "Install footprint", S.footprint, "A fresh project (`npm install --ignore-scripts`) holding only that package; bytes = apparent size of every file under node_modules; packages = entries of the lockfile. Ours = `npm pack` tarballs of the built workspace packages. \"loads\" = importing the entry from that fresh project.");
    const rows = [];
    for (const v of VENDORS) {
      const f = S.footprint.rows[v];
      if (!f) continue;
      for (const [id, r] of Object.entries(f)) {
        rows.push([v, id, r.label, r.error ?? fmtBytes(r.bytes), r.packages ?? "–", r.files ?? "–", r.loads ?? "–"]);
      }
    }
    out.push(table(["vendor", "row", "package(s)", "bytes", "packages", "files", "loads"], rows));
    if (S.footprint.tarballs) {
      out.push("");
      out.push(table(["our tarball", "packed", "unpacked", "files"], Object.entries(S.footprint.tarballs).map(([n, t]) => [n, fmtBytes(t.size), fmtBytes(t.unpackedSize), t.entryCount])));
    }
  }

  if (S.bundle) {
    heading(out, "Bundle size", S.bundle, "`esbuild --bundle --minify --format=esm` of a program that constructs the client and runs the vendor's operation (bench/impl/<vendor>/<row>.mjs); gzip level 9; kB = 1000 bytes.");
    const rows = [];
    for (const v of VENDORS) {
      const b = S.bundle.rows[v];
      if (!b) continue;
      for (const [id, r] of Object.entries(b)) {
        const cell = (p) => (p.error ? p.error : `${(p.gzip / 1000).toFixed(2)} kB (${(p.raw / 1000).toFixed(1)} kB raw)`);
        rows.push([v, id, cell(r.browser), cell(r.node)]);
      }
    }
    out.push(table(["vendor", "row", "browser: gzip (raw)", "node: gzip (raw)"], rows));
  }

  if (S.cold) {
    heading(out, "Cold start", S.cold, `Wall time of \`node lib/cold-worker.mjs <row>\` (import + construct the client), median of ${S.cold.iterations} shuffled runs, minus the median of \`node -e 0\` in the same loop (${S.cold.nodeNull.ms.toFixed(1)} ms, ${range(S.cold.nodeNull, (n) => n.toFixed(1))}). ` +
        `Touching fetch's globals alone (\`globalThis.Headers; Request; fetch\`): ${S.cold.fetchGlobals?.ms?.toFixed(1) ?? "–"} ms.`);
    const rows = [];
    for (const v of VENDORS) {
      const c = S.cold.rows[v];
      if (!c) continue;
      for (const [id, r] of Object.entries(c)) rows.push([v, id, r.error ?? `${r.ms.toFixed(1)} ms`, r.error ? "–" : range(r, (n) => n.toFixed(1))]);
    }
    out.push(table(["vendor", "row", "median − node -e 0", "min–max"], rows));
  }

  if (S.throughput) {
    const t = S.throughput;
    heading(out, "Throughput", t, `Local node:http server on 127.0.0.1 answering each vendor's documented example (no signature check). ${t.config.n} calls sequentially and ${t.config.n} at ${t.config.inflight} in flight, after ${t.config.warmup} warm-up calls, each in a fresh process; ${t.config.rounds} interleaved round(s). Requests/s: median (min–max over rounds). Ratios are taken per round against the baselines/officials of the same round.`);
    throughputTables(out, t);
  }

  const lines = [...new Set([...Object.keys(S.throughputLines ?? {}), ...Object.keys(S.profileLines ?? {})])].sort((a, b) => Number(a) - Number(b));
  if (lines.length) {
    out.push("", "## Throughput on other Node lines", "");
    out.push("The throughput phase (and the profile phase, \"CPU per call\") again with the client processes — ours, each official SDK and both baselines — on another Node release line, fetched by `scripts/node-line.mjs`; the server stays on the host's Node. Same calls, warm-up and rounds as above; ratios per round against the rows of the same round. `--node-lines` picks the lines.");
    for (const line of lines) {
      out.push("", `### Node ${line}`);
      for (const [what, section] of [["Throughput", S.throughputLines?.[line]], ["CPU per call", S.profileLines?.[line]]]) {
        if (!section) continue;
        out.push("", `${what}: ${section.reason ? `not measured — ${section.reason}.` : stamp(section)}`, "");
        if (section.reason) continue;
        if (what === "Throughput") throughputTables(out, section, ["ours", "ours-fetch"]);
        else profileTable(out, section);
      }
    }
  }

  if (S.profile) {
    const p = S.profile;
    heading(out, "CPU per call", p, `Where a call's CPU goes: ${p.rounds ?? 1} run(s) of ${p.n} calls at ${p.inflight} in flight per row (after ${p.warmup} warm-up calls; one run per row per round, rows rotated) against the throughput server, V8's CPU profiler sampling the timed calls every 100 µs (\`lib/phase-profile.mjs\`). Each sample counts toward the code it ran: the platform's Request/Response (undici, web streams, AbortSignal), openapi-fetch, @bucketry/signing's signer or transport, the generated client, node:http, the official SDK's own code (and its dependencies), the socket write calls, GC, or other Node internals (net, timers, microtasks, crypto). µs of CPU per call, each bucket the median over the rounds; idle time left out. The profiler's own sampling inflates every row alike: read the split and the rows side by side, not the totals as rates (the throughput section gives those).`);
    profileTable(out, p);
  }

  if (S.signing) {
    heading(out, "Signing", S.signing, "Ops/s of one signature for the vendor's operation, in a fresh process per scheme, alternating sides per round. Ours = the pure core (`signX`) on Node's node:crypto path, including building its `{ method, url: URL, headers: Headers }` input; official = the SDK's signing function called as the SDK calls it per request (including its own date/nonce/header preparation).");
    const rows = [];
    for (const [scheme, r] of Object.entries(S.signing.rows)) {
      if (r.error) rows.push([scheme, r.vendor, "–", r.error, "–", "–"]);
      else rows.push([r.label, r.sdkName, `${int(r.ours.median)} (${range(r.ours, int)})`, `${int(r.sdk.median)} (${range(r.sdk, int)})`, `${x(r.ratio.median)} (${range(r.ratio)})`]);
    }
    out.push(table(["scheme", "official function", "ours ops/s", "official ops/s", "ours ÷ official"], rows));
  }
  out.push("");
  return out.join("\n");
}

export function renderConsole(results) {
  const lines = [];
  const pad = (s, n) => String(s).padEnd(n).slice(0, Math.max(n, String(s).length));
  lines.push("");
  lines.push(`bucketry bench — ${results.machine.cpu} ×${results.machine.cores}, Node ${results.machine.node}, ${results.machine.date}${results.run.quick ? " (QUICK)" : ""}`);
  const S = results.sections;
  lines.push("");
  lines.push(pad("vendor", 24) + pad("row", 22) + pad("install", 20) + pad("browser gz", 14) + pad("node gz", 12) + pad("cold ms", 10) + pad("seq req/s", 11) + "conc req/s");
  for (const v of VENDORS) {
    for (const impl of IMPLS[v]) {
      const f = S.footprint?.rows?.[v]?.[impl.id];
      const b = S.bundle?.rows?.[v]?.[impl.id];
      const c = S.cold?.rows?.[v]?.[impl.id];
      const a = S.throughput?.summary?.[v]?.abs?.[impl.id];
      if (!f && !b && !c && !a) continue;
      const bz = (p) => (!p ? "–" : p.error ? (p.error.startsWith("n/a") ? "n/a" : "no build") : (p.gzip / 1000).toFixed(1) + " kB");
      lines.push(
        pad(v, 24) +
          pad(impl.id, 22) +
          pad(f ? (f.error ? "error" : `${fmtBytes(f.bytes)}/${f.packages}p`) : "–", 20) +
          pad(bz(b?.browser), 14) +
          pad(bz(b?.node), 12) +
          pad(c ? (c.error ? "error" : c.ms.toFixed(1)) : "–", 10) +
          pad(a?.seq ? int(a.seq.median) : "–", 11) +
          (a?.conc ? int(a.conc.median) : "–"),
      );
    }
  }
  if (S.signing) {
    lines.push("");
    lines.push(pad("signing scheme", 28) + pad("ours ops/s", 14) + pad("official ops/s", 16) + "ratio");
    for (const [scheme, r] of Object.entries(S.signing.rows)) {
      lines.push(r.error ? `${pad(scheme, 28)}error: ${r.error}` : pad(r.label, 28) + pad(int(r.ours.median), 14) + pad(int(r.sdk.median), 16) + x(r.ratio.median));
    }
  }
  lines.push("");
  lines.push(pad("result", 8) + pad("vendor", 24) + pad("target", 96) + "measured");
  for (const t of results.targets) lines.push(pad(t.pass, 8) + pad(t.vendor, 24) + pad(t.target, 96) + t.measured);
  lines.push("");
  return lines.join("\n");
}
