// The Try-it panel of a docs page: a form generated from the spec operation (config in #try-it-config), sent by
// the real facade (or, for operations the facade does not call, the bare client), signed in the page by
// @bucketry/signing, answered by the @bucketry/mocks handlers through a custom fetch (no service worker, so it
// works from file:// and offline) or by a URL the reader types.
// Credentials live in the form's inputs only: nothing is written to storage, the URL or the console.
import { createBucketClient, isBucketryError } from "bucketry";
import { createClient as createEnsClient } from "@bucketry/aliyun-ens";
import { createClient as createHitachiClient } from "@bucketry/hitachi-vsp-one-object";
import { createMock, documentCookieJar, errorCodes, scenario, testCredentials, validateSchema } from "@bucketry/mocks";
import { acs3Signer } from "@bucketry/signing";
import { percentEncode, signedPartsOf } from "@bucketry/signing/signed";
import { getResponse } from "msw";
import { badPortOf } from "./ports.js";
import { argumentsOf, isNumeric, snippets } from "./snippets.js";

const config = JSON.parse(document.getElementById("try-it-config").textContent);
const root = document.getElementById("try-it");
const hitachi = config.provider === "hitachi-vsp-one-object";
let mock;

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) el.append(c);
  return el;
};

function field(id, label, input, hint) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  input.id = id;
  input.setAttribute("aria-describedby", `${hintId} ${errorId}`);
  return h("div", { class: "field" }, h("label", { for: id }, label), input, h("small", { id: hintId }, hint ?? ""), h("span", { id: errorId, class: "error" }));
}

// ---- the form --------------------------------------------------------------------------------------------
const paramFields = config.fields.map((f) => {
  const input = f.enum ? h("select", { name: f.name }, f.required ? [] : h("option", { value: "" }, "(none)"), f.enum.map((v) => h("option", { value: v }, v === "" ? "(empty)" : v))) : h("input", { name: f.name, type: "text", inputmode: f.type === "integer" ? "numeric" : undefined, autocomplete: "off", spellcheck: "false" });
  input.value = String(f.value ?? "");
  if (f.required) input.setAttribute("aria-required", "true");
  const facts = [f.in === "server" ? "server variable" : `${f.in} parameter`, f.required ? "required" : "optional", f.type, f.minimum !== undefined ? `≥ ${f.minimum}` : "", f.maximum !== undefined ? `≤ ${f.maximum}` : ""].filter(Boolean).join(", ");
  return { spec: f, input, el: field(`param-${f.name}`, `${f.name}${f.required ? " *" : ""}`, input, `${facts}${f.description ? ` — ${f.description}` : ""}`) };
});

const defaults = testCredentials[config.provider];
// Chromium ignores autocomplete="off" on a password field and offers to save what was typed in it; its password
// manager leaves out a password field marked one-time-code (as it does cc-* ones): masked, and never offered for saving.
const credInputs = hitachi
  ? { token: h("input", { type: "password", autocomplete: "one-time-code", name: "token" }) }
  : {
      accessKeyId: h("input", { type: "text", autocomplete: "off", name: "accessKeyId", spellcheck: "false" }),
      accessKeySecret: h("input", { type: "password", autocomplete: "one-time-code", name: "accessKeySecret" }),
      // Temporary (STS) credentials: signed into the request's headers, so masked wherever the page shows them.
      securityToken: h("input", { type: "password", autocomplete: "one-time-code", name: "securityToken" }),
    };
for (const [k, input] of Object.entries(credInputs)) input.value = defaults[k] ?? "";
const credLabels = { token: "Bearer token", accessKeyId: "Access key id", accessKeySecret: "Access key secret", securityToken: "Security token (STS; optional)" };

const targetMock = h("input", { type: "radio", name: "target", value: "mock", id: "target-mock", checked: true });
const targetUrl = h("input", { type: "radio", name: "target", value: "url", id: "target-url" });
const urlInput = h("input", { type: "url", name: "endpoint", autocomplete: "off", placeholder: "http://127.0.0.1:4010" });

/**
 * What the in-page mock does to the next call. Through the facade each shows its retries or clock correction;
 * a bare client makes one attempt, so its labels say so. Hitachi's CSRF GET takes no credentials and has no
 * clock: only what the mock can do to that request is offered.
 */
const bareSender = config.via === "bare";
const csrfPage = hitachi && config.operationId === "GetCsrfToken";
const onOperation = csrfPage ? { operation: "GetCsrfToken" } : {};
const SCENARIOS = {
  none: { label: "None: the spec's normal answer" },
  throttle: { label: `Throttling: the first answer is the vendor's throttling error${bareSender ? " (the bare client does not retry)" : ""}`, use: () => scenario.throttle(config.provider, { retryAfterMs: 300, ...onOperation }) },
  unavailable: { label: bareSender ? "5xx: a 503 answer (the bare client does not retry)" : "5xx: two 503 answers, then the normal one", use: () => scenario.status(config.provider, 503, { times: 2, ...onOperation }) },
  ...(hitachi ? {} : { skew: { label: `Clock skew: the server's clock is one hour ahead of the page's${bareSender ? " (the bare client does not correct its clock)" : ""}`, use: () => scenario.clockSkew(config.provider, 3_600_000, { always: true }) } }),
  ...(csrfPage ? {} : { wrongSecret: { label: hitachi ? "A wrong token: sent instead of the one above" : "A wrong secret: signs with it instead of the one above" } }),
  // Each error the vendor documents, answered as the spec's example for it: the kind the client maps it to.
  ...(csrfPage ? {} : Object.fromEntries(errorCodes(config.provider).map((code) => [`error:${code}`, { label: `Documented error: ${code}`, use: () => scenario.error(config.provider, code) }]))),
};
const scenarioSelect = h("select", { name: "scenario" }, Object.entries(SCENARIOS).map(([value, s]) => h("option", { value }, s.label)));
const send = h("button", { type: "submit" }, "Send");
const status = h("div", { id: "try-it-status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
const timeline = h("ol", { id: "try-it-timeline", "aria-label": "Attempts", "aria-live": "polite" });
const results = h("section", { id: "try-it-results", "aria-live": "polite", "aria-label": "Results" });

// method=dialog: a submit that no handler cancels (the script failed before adding it) goes nowhere, as the form
// is in no dialog; GET would put every field, the secrets too, in the page URL and the history.
const form = h(
  "form",
  { id: "try-it-form", method: "dialog", novalidate: true },
  h("fieldset", {}, h("legend", {}, "Parameters"), paramFields.map((p) => p.el)),
  // GET /v1/csrf is sent without credentials: no field that would not be used.
  csrfPage
    ? []
    : h(
        "fieldset",
        {},
        h("legend", {}, "Credentials (the mock's public test keys; yours stay in memory only)"),
        Object.entries(credInputs).map(([k, input]) => field(`cred-${k}`, credLabels[k], input, k === "accessKeyId" ? "" : "masked; never stored")),
      ),
  h(
    "fieldset",
    {},
    h("legend", {}, "Target"),
    h("div", { class: "radio" }, targetMock, h("label", { for: "target-mock" }, "The mock running in this page")),
    h("div", { class: "radio" }, targetUrl, h("label", { for: "target-url" }, "A URL (bucketry mock, a proxy, or the vendor where its CORS allows)")),
    field("target-endpoint", "Endpoint URL", urlInput, "used when the URL target is chosen"),
    field("try-it-scenario", "Scenario (the mock in this page only)", scenarioSelect, bareSender ? "what the in-page mock does to this call; the bare client makes one attempt" : "what the in-page mock does to this call; the attempts list shows the client's retries and clock correction"),
  ),
  send,
);

// ---- the code panel --------------------------------------------------------------------------------------
const codeBlocks = {
  bare: { title: `Bare client: @bucketry/${config.provider} + @bucketry/signing`, code: h("code", {}) },
  facade: { title: `Facade: bucketry/${config.provider}`, code: h("code", {}) },
};
const copyStatus = h("span", { id: "try-it-copy-status", role: "status", "aria-live": "polite" });
const codePanel = h(
  "section",
  { id: "try-it-code", "aria-labelledby": "try-it-code-title" },
  h("h2", { id: "try-it-code-title" }, "The same call in code"),
  h("p", {}, "Filled with the values above. Keys are read from the vendor's environment variables, never written into the code. ", copyStatus),
  Object.entries(codeBlocks).map(([kind, block]) =>
    h(
      "div",
      { class: "code-block" },
      h("h3", { id: `code-${kind}-title` }, block.title),
      h("button", { type: "button", id: `copy-${kind}`, "aria-describedby": `code-${kind}-title`, "data-copy": kind }, "Copy"),
      h("pre", { tabindex: "0", "aria-labelledby": `code-${kind}-title`, "data-code": kind }, block.code),
    ),
  ),
);

root.replaceChildren(form, status, timeline, results, codePanel);
if (hitachi && location.protocol === "file:") {
  root.prepend(
    h(
      "p",
      { id: "try-it-limit" },
      h("strong", {}, "Known limit: "),
      "the MAPI's CSRF session needs cookies the page can read (XSRF-TOKEN), and a browser keeps no cookies for file:// pages, so from here the session fails. Serve the docs (npm run docs:serve) and the in-page mock answers 200.",
    ),
  );
}

const formValues = () => argumentsOf(paramFields.map((p) => ({ ...p.spec, input: p.input })), (f) => f.input.value);

function updateCode() {
  const endpoint = targetUrl.checked && /^https?:\/\/[^\s@]+$/.test(urlInput.value.trim()) ? urlInput.value.trim() : undefined;
  const code = snippets({ provider: config.provider, operationId: config.operationId, facadeOptions: config.facadeOptions, values: formValues(), env: config.env, ...(endpoint ? { endpoint } : {}) });
  for (const [kind, block] of Object.entries(codeBlocks)) block.code.textContent = code[kind];
}
form.addEventListener("input", updateCode);
form.addEventListener("change", updateCode);
updateCode();

codePanel.addEventListener("click", async (event) => {
  const kind = event.target.closest?.("button[data-copy]")?.getAttribute("data-copy");
  if (!kind) return;
  const text = codeBlocks[kind].code.textContent;
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = `Copied the ${kind === "bare" ? "bare client" : "facade"} program.`;
  } catch {
    // No clipboard permission (e.g. file:// in some browsers): select it for the reader to copy.
    getSelection()?.selectAllChildren(codeBlocks[kind].code);
    copyStatus.textContent = "The browser refused the clipboard: the program is selected, press Ctrl+C (⌘C).";
  }
});

// ---- validation (what the spec says) --------------------------------------------------------------------
function validate() {
  const problems = [];
  for (const { spec, input } of paramFields) {
    const value = input.value.trim();
    let message = "";
    if (value === "") {
      if (spec.required) message = `${spec.name} is required.`;
    } else {
      // The spec's own schema (pattern, lengths, enum, bounds), as the mock and the vendor check it: a number
      // field is sent as the number its text reads as, so its bounds apply to that and its pattern to how it is written.
      const n = Number(value);
      const types = String(spec.schema.type);
      const forms = isNumeric(spec) && Number.isFinite(n) ? [/integer|number/.test(types) && n, /string/.test(types) && String(n)] : [value];
      message = forms.flatMap((form) => (form === false ? [] : validateSchema(spec.schema, form, spec.name)))[0] ?? "";
      if (message) message += ".";
    }
    const error = document.getElementById(`param-${spec.name}-error`);
    error.textContent = message;
    // aria-invalid="" reads as valid to assistive technology: "true", or no attribute.
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (message) problems.push({ input, message });
  }
  // No user:password@ (every client refuses one, and the code panel would show the password).
  const endpointError = targetUrl.checked && !/^https?:\/\/[^\s@]+$/.test(urlInput.value.trim()) ? "Enter an http(s) URL without user:password@." : "";
  document.getElementById("target-endpoint-error").textContent = endpointError;
  if (endpointError) problems.push({ input: urlInput, message: endpointError });
  const scenarioError = document.getElementById("try-it-scenario-error");
  const scenarioNeedsMock = targetUrl.checked && scenarioSelect.value !== "none" && scenarioSelect.value !== "wrongSecret";
  scenarioError.textContent = scenarioNeedsMock ? "Scenarios are played by the mock in this page: choose it as the target, or None." : "";
  if (scenarioNeedsMock) problems.push({ input: scenarioSelect, message: "A mock scenario needs the in-page mock as the target." });
  return problems;
}

/** An Alibaba RAM denial as the CLI says it: the action a policy must allow, then what denied it. */
const ramDenial = (d) => (d?.authAction ? [d.authAction, d.noPermissionType, d.policyType].filter(Boolean).join(" ") : undefined);

// ---- sending --------------------------------------------------------------------------------------------
const SECRET_HEADER = /token|cookie|xsrf|csrf|security/i;
/** Header values shown on screen: tokens and cookies masked; of an Authorization header only the signature stays readable. */
function shownHeader(name, value, secrets) {
  let v = value;
  if (SECRET_HEADER.test(name) || /^bearer /i.test(v)) v = v.replace(/^(bearer )?.*$/i, (_, b) => `${b ?? ""}••••••`);
  return masked(v, secrets);
}

/**
 * `text` with every known secret value replaced (a body may quote the request's headers back: a proxy's error page):
 * the form's whatever their length, values learned from headers from 4 characters (a shorter one is not worth
 * garbling the text for).
 */
function masked(text, secrets) {
  let v = text;
  for (const s of secrets.given) if (s) v = v.split(s).join("••••••");
  for (const s of secrets.learned) if (s.length >= 4) v = v.split(s).join("••••••");
  return v;
}

/**
 * Adds to `secrets` the values `shownHeader` masks by name (tokens, the XSRF token, each cookie's value, a bearer
 * token), so that a body quoting them is masked too.
 */
function learnSecrets(headers, secrets) {
  const learn = (value) => value && secrets.learned.add(value);
  for (const [name, value] of headers) {
    if (/^bearer /i.test(value)) learn(value.slice(7).trim());
    if (!SECRET_HEADER.test(name)) continue;
    // Cookie: every name=value pair; Set-Cookie (one line per cookie, or joined by ", "): only each cookie's own
    // value, not its attributes (Path=/, Max-Age=3600, SameSite=Strict).
    const pairs = /^cookie$/i.test(name) ? value.split(";") : /^set-cookie$/i.test(name) ? value.split(/,\s*(?=[^;=\s]+=)/).map((c) => c.split(";")[0]) : undefined;
    if (!pairs) {
      learn(value.trim());
      continue;
    }
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      if (eq > 0) learn(pair.slice(eq + 1).trim());
    }
  }
}

const WRONG_SECRET = "wrong-secret-from-the-scenario-picker";

/** One line of the attempts list, added as it happens. */
function note(text, kind) {
  timeline.append(h("li", { class: kind }, text));
  status.textContent = text;
}

async function run() {
  const exchanges = [];
  const v = formValues();
  const credentials = Object.fromEntries(Object.entries(credInputs).map(([k, input]) => [k, input.value]));
  const token = credentials.securityToken;
  if (!token) delete credentials.securityToken;
  // A security token is signed as a header, percent-encoded in bce-auth-v1's canonical headers: both forms are masked.
  const secrets = { given: [credentials.accessKeySecret, credentials.token, token, token && percentEncode(token.toWellFormed())], learned: new Set() };
  const chosen = scenarioSelect.value;
  if (chosen === "wrongSecret") credentials[hitachi ? "token" : "accessKeySecret"] = WRONG_SECRET;
  const viaMock = targetMock.checked;
  if (viaMock) {
    // The page's cookie store plays the browser's for the mock's answers (Hitachi's CSRF session). A browser keeps
    // cookies per host, and the session reads the XSRF token only from a page on the MAPI's host: Hitachi's
    // in-page MAPI answers on this page's host.
    mock ??= createMock({ cookieJar: documentCookieJar(), ...(hitachi && servedPage ? { baseUrls: { [config.provider]: pageMapi } } : {}) });
    mock.reset();
    const use = SCENARIOS[chosen]?.use;
    if (use) mock.use(use());
  }
  // A URL target is a real server: Hitachi's session cookies travel in the browser's own jar, which only a
  // credentialed request uses (the same fetch the README gives for Hitachi in browsers).
  const transport = async (request) => {
    const signed = signedPartsOf(request);
    learnSecrets(request.headers, secrets);
    const wire = { method: request.method, url: request.url, headers: [...request.headers].map(([k, val]) => [k, shownHeader(k, val, secrets)]) };
    const n = exchanges.length + 1;
    status.textContent = `Sending request ${n}…`;
    let response;
    try {
      response = viaMock ? ((await getResponse(mock.handlers, request.clone())) ?? new Response(`no mock handler for ${request.method} ${request.url}`, { status: 501 })) : await fetch(hitachi ? new Request(request, { credentials: "include" }) : request);
    } catch (err) {
      // No answer reached the page (nothing listening, a refused CORS preflight, TLS): the browser says only
      // "failed to fetch". The attempt is still listed, and shown, as sent without an answer.
      // Masked as every other view: a fetch's message may quote the request (a proxy's or a shim's error).
      const failure = masked(String(err?.message ?? err), secrets);
      exchanges.push({ wire, signed, failure });
      note(`Request ${n}: ${request.method} ${new URL(request.url).pathname} → no answer from ${new URL(request.url).origin} (${failure})`, "exchange");
      throw err;
    }
    const body = await response.clone().text();
    learnSecrets(response.headers, secrets);
    const call = viaMock ? mock.requests.at(-1) : undefined;
    exchanges.push({ wire, signed, response: { status: response.status, headers: [...response.headers].map(([k, val]) => [k, shownHeader(k, val, secrets)]), body }, call });
    const code = call?.response?.headers?.["x-bucketry-mock-reason"];
    note(`Request ${n}: ${request.method} ${new URL(request.url).pathname} → HTTP ${response.status}${call?.scenarios?.length ? ` (scenario: ${call.scenarios.join(", ")})` : ""}${code ? ` — ${code}` : ""}`, "exchange");
    return response;
  };
  const onRetry = ({ attempt, delayMs, error }) => {
    const what = `${error.kind}${error.code ? ` ${error.code}` : ""}`;
    if (error.kind === "ClockSkew" && error.serverTime !== undefined) {
      const offset = Math.round((error.serverTime - Date.now()) / 1000);
      note(`Attempt ${attempt} failed: ${what}. The server's Date is ${offset >= 0 ? "+" : ""}${offset} s from this page's clock: the client corrects its clock, signs again and retries at once.`, "retry skew");
    } else {
      note(`Attempt ${attempt} failed: ${what}${error.status ? ` (HTTP ${error.status})` : ""}. Retrying in ${delayMs} ms${error.retryAfterMs !== undefined ? " (the server's retry-after)" : " (backoff)"}.`, "retry");
    }
  };
  const endpoint = viaMock ? undefined : urlInput.value.trim();
  if (hitachi && viaMock && servedPage) note(`The in-page MAPI answers on this page's host (${location.host}): a browser keeps a MAPI's cookies per host, and the session reads the XSRF token only on the MAPI's host.`, "exchange");
  let outcome;
  try {
    outcome = config.via === "bare" ? await runBare(v, credentials, transport, endpoint) : await runFacade(v, credentials, transport, endpoint, onRetry);
  } catch (err) {
    outcome = { error: err };
  }
  return { exchanges, outcome, secrets, endpoint };
}

/**
 * The in-page mock's MAPI base on a served page: this page's origin (a browser keeps the MAPI's cookies per host).
 * A file:// page has no host and keeps no cookies: there the mock answers on the form's host, and the session
 * fails as the page says.
 */
const servedPage = location.protocol === "http:" || location.protocol === "https:";
const pageMapi = `${location.origin}/mapi`;
/** Where Hitachi's calls go: the URL target, the in-page mock on a served page, or the form's host. */
const mapiBase = (v, endpoint) => endpoint ?? (targetMock.checked && servedPage ? pageMapi : `${v.scheme ?? "https"}://${v.host}/mapi`);

async function runFacade(v, credentials, transport, endpoint, onRetry) {
  const options = { provider: config.provider, credentials, fetch: transport, retry: { onRetry }, ...config.facadeOptions };
  if (v.region) options.region = v.region;
  if (v.projectId) options.projectId = v.projectId;
  if (hitachi) options.endpoint = mapiBase(v, endpoint);
  else if (endpoint) options.endpoint = endpoint;
  const client = createBucketClient(options);
  if (config.operation === "getBucketAcl") return { result: await client.getBucketAcl(v.bucket) };
  const listing = { ...(v.prefix ? { prefix: v.prefix } : {}), ...(v.pageSize ? { pageSize: v.pageSize } : {}), ...(v.userId !== undefined ? { userId: v.userId } : {}), ...(v.cursor !== undefined ? { cursor: String(v.cursor) } : {}) };
  return { result: client.listBucketsPage ? await client.listBucketsPage(listing) : await collect(client.listBuckets(listing)) };
}

/** The operations the facade does not call, through the bare client: its typed `data` or `error`. */
async function runBare(v, credentials, transport, endpoint) {
  if (config.provider === "aliyun-ens") {
    const client = createEnsClient({ ...(endpoint ? { baseUrl: endpoint } : {}), fetch: transport });
    client.use(acs3Signer({ credentials }));
    const { data, error, response } = await client.GET("/", { params: { query: v } });
    return { bare: { data, error, status: response.status } };
  }
  if (hitachi && config.operationId === "GetCsrfToken") {
    const client = createHitachiClient({ baseUrl: mapiBase(v, endpoint), fetch: transport });
    const { error, response } = await client.GET("/v1/csrf", {});
    if (endpoint) {
      // A browser hides Set-Cookie from scripts, and the server's cookies belong to its origin, not the page's:
      // the page cannot tell which were set (an empty list would say none were).
      const where = new URL(endpoint).host;
      return { bare: { data: { cookiesSet: `not visible to this page: the browser keeps Set-Cookie from scripts and holds the cookies for ${where} in its own jar (see its storage panel)` }, error, status: response.status } };
    }
    // The in-page mock: the names the answer set, as the mock recorded them (values never shown).
    const set = mock?.requests.at(-1)?.response?.headers?.["set-cookie"];
    const cookies = set ? set.split(/,\s*(?=[^;=\s]+=)/).map((c) => `${c.split("=")[0]}${/httponly/i.test(c) ? " (HttpOnly: hidden from scripts)" : " (readable by the page's scripts)"}`) : [];
    return { bare: { data: { cookiesSet: cookies, xsrfVisibleToScripts: /(?:^|;\s*)XSRF-TOKEN=/.test(document.cookie) }, error, status: response.status } };
  }
  throw new Error(`try-it: no bare sender for ${config.provider} ${config.operationId}`);
}

async function collect(iterable) {
  const buckets = [];
  for await (const b of iterable) buckets.push(b);
  return { buckets };
}

// ---- showing --------------------------------------------------------------------------------------------
const pre = (text, label) => h("pre", { tabindex: "0", "aria-label": label }, h("code", {}, text));
const withoutRaw = (value) => JSON.stringify(value, (k, x) => (k === "raw" ? undefined : x), 2);

function show({ exchanges, outcome, secrets, endpoint }) {
  const parts = [];
  exchanges.forEach((x, i) => {
    const n = exchanges.length > 1 ? ` ${i + 1} of ${exchanges.length}` : "";
    parts.push(
      h("h2", {}, `Request${n}`),
      pre(`${x.wire.method} ${x.wire.url}\n${x.wire.headers.map(([k, val]) => `${k}: ${val}`).join("\n")}`, `Wire request${n}`),
      ...(x.signed
        ? [
            // A security token is a signed header (x-acs-/x-oss-/x-bce-security-token, X-Security-Token): masked as on the wire.
            ...(x.signed.canonicalRequest !== undefined ? [h("h3", {}, "Canonical request"), pre(masked(x.signed.canonicalRequest, secrets), `Canonical request${n}`)] : []),
            h("h3", {}, "String to sign"),
            pre(masked(x.signed.stringToSign, secrets), `String to sign${n}`),
          ]
        : [h("p", {}, "Not signed (a bearer token or session request).")]),
      ...(x.response
        ? [
            h("h2", {}, `Response${n}: ${x.response.status}`),
            pre(`HTTP ${x.response.status}\n${x.response.headers.map(([k, val]) => `${k}: ${val}`).join("\n")}\n\n${masked(x.response.body, secrets)}`, `Response${n}`),
          ]
        : [h("h2", {}, `Response${n}: none`), h("p", {}, `No answer reached this page: ${x.failure}`)]),
    );
  });
  // A URL target that gave no answer: what the reader can check (a browser reports a refused CORS request and a
  // server that is not there alike, as a network error).
  const unanswered = endpoint !== undefined && exchanges.length > 0 && exchanges.every((x) => !x.response);
  // A port the Fetch standard blocks reads the same to the page; most browsers refuse to dial one (Chromium most of
  // the list): said first, as the likelier cause.
  const port = unanswered ? badPortOf(exchanges[0].wire.url) : undefined;
  const hint = unanswered
    ? h(
        "p",
        { id: "try-it-hint" },
        port !== undefined
          ? `The browser got no answer from ${new URL(exchanges[0].wire.url).origin}. Port ${port} is one the Fetch standard blocks: browsers may refuse to dial it, saying only that the request failed. Serve the mock or proxy on another port.`
          : `The browser got no answer from ${new URL(exchanges[0].wire.url).origin}. Check that a server runs at ${endpoint}, and that it answers cross-origin requests from this page (origin ${location.origin}): its CORS headers must allow this origin, the method and the headers the request sends. A browser reports a refused CORS request as a network error, without saying which.`,
      )
    : undefined;
  let failed = false;
  if (outcome.bare) {
    // openapi-fetch's error is "" for an empty body, and neither data nor error is set for Content-Length: 0: the
    // status decides (a redirect the browser hides, HTTP 0, not followed, failed too).
    const { data, error, status: code } = outcome.bare;
    failed = error !== undefined || code < 200 || code > 299;
    const shown = failed ? error : data;
    parts.unshift(h("h2", { id: "try-it-outcome" }, failed ? "Typed error (bare client)" : "Typed data (bare client)"), pre(shown === undefined ? "(no body)" : masked(JSON.stringify(shown, null, 2), secrets), failed ? "Typed error" : "Typed data"));
  } else if (outcome.error) {
    failed = true;
    const e = outcome.error;
    const rows = isBucketryError(e)
      ? [["kind", e.kind], ["status", e.status], ["code", e.code], ["request id", e.requestId], ["EC", e.ec], ["help", e.helpUrl], ["RAM denied", ramDenial(e.accessDeniedDetail)], ["attempts", e.attempts], ["message", e.vendorMessage ?? e.message], ["retryable", e.retryable]]
      : [["error", e], ["attempts", exchanges.length]];
    const diff = isBucketryError(e) ? e.signature?.firstDifference : undefined;
    parts.unshift(
      h("h2", { id: "try-it-outcome" }, isBucketryError(e) ? "BucketryError" : "Error"),
      h("dl", { class: "error-facts" }, rows.filter(([, val]) => val !== undefined).flatMap(([k, val]) => [h("dt", {}, k), h("dd", { "data-fact": k }, masked(String(val), secrets))])),
      ...(e.signature
        ? [
            h("h3", {}, "Signature explanation"),
            diff
              ? h("p", { class: "signature-difference" }, `First difference in the ${diff.part === "stringToSign" ? "string to sign" : "canonical request"}, line ${diff.line}, column ${diff.column}: ours `, h("code", {}, diff.ours), " — server's ", h("code", {}, diff.server))
              : h("p", { class: "signature-difference" }, e.signature.server ? "The server's text matches ours: the secret differs." : "The server did not report its own string to sign."),
          ]
        : []),
    );
  } else {
    parts.unshift(h("h2", { id: "try-it-outcome" }, "Normalized result"), pre(withoutRaw(outcome.result), "Normalized result"));
  }
  if (hint) parts.splice(parts.findIndex((p) => p.tagName === "H2" && p.id !== "try-it-outcome"), 0, hint);
  results.replaceChildren(...parts);
  const count = `${exchanges.length} request${exchanges.length - 1 ? "s" : ""}`;
  const e = outcome.error;
  status.textContent = failed ? `Failed: ${e ? `${e.kind ?? (unanswered ? "Network" : "error")} ${e.code ?? ""}`.trim() : `HTTP ${outcome.bare.status}`} (${count}${unanswered ? ", no answer" : ""})` : `Done: HTTP ${exchanges.at(-1)?.response?.status} (${count})`;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const problems = validate();
  if (problems.length) {
    results.replaceChildren();
    timeline.replaceChildren();
    status.textContent = `Not sent: ${problems.map((p) => p.message).join(" ")}`;
    problems[0].input.focus();
    return;
  }
  send.disabled = true;
  timeline.replaceChildren();
  results.replaceChildren();
  status.textContent = "Sending…";
  try {
    show(await run());
  } finally {
    send.disabled = false;
  }
});
