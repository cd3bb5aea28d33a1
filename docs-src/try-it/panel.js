// The Try-it panel of a docs page: a form generated from the spec operation (config in #try-it-config), sent by
// the real facade, signed in the page by @bucketry/signing, answered by the @bucketry/mocks handlers through a
// custom fetch (no service worker, so it works from file:// and offline) or by a URL the reader types.
// Credentials live in the form's inputs only: nothing is written to storage, the URL or the console.
import { createBucketClient, isBucketryError } from "bucketry";
import { createMock, testCredentials } from "@bucketry/mocks";
import { signedPartsOf } from "@bucketry/signing/signed";
import { getResponse } from "msw";

const config = JSON.parse(document.getElementById("try-it-config").textContent);
const root = document.getElementById("try-it");
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

const tokenAuth = config.provider === "hitachi-vsp-one-object";
const defaults = testCredentials[config.provider];
const credInputs = tokenAuth
  ? { token: h("input", { type: "password", autocomplete: "off", name: "token" }) }
  : { accessKeyId: h("input", { type: "text", autocomplete: "off", name: "accessKeyId", spellcheck: "false" }), accessKeySecret: h("input", { type: "password", autocomplete: "off", name: "accessKeySecret" }) };
for (const [k, input] of Object.entries(credInputs)) input.value = defaults[k];
const credLabels = { token: "Bearer token", accessKeyId: "Access key id", accessKeySecret: "Access key secret" };

const targetMock = h("input", { type: "radio", name: "target", value: "mock", id: "target-mock", checked: true });
const targetUrl = h("input", { type: "radio", name: "target", value: "url", id: "target-url" });
const urlInput = h("input", { type: "url", name: "endpoint", autocomplete: "off", placeholder: "http://127.0.0.1:4010" });
const send = h("button", { type: "submit" }, "Send");
const status = h("div", { id: "try-it-status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
const results = h("section", { id: "try-it-results", "aria-live": "polite", "aria-label": "Results" });

const form = h(
  "form",
  { id: "try-it-form", novalidate: true },
  h("fieldset", {}, h("legend", {}, "Parameters"), paramFields.map((p) => p.el)),
  h(
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
  ),
  send,
);
root.replaceChildren(form, status, results);

// ---- validation (what the spec says) --------------------------------------------------------------------
function validate() {
  const problems = [];
  for (const { spec, input } of paramFields) {
    const value = input.value.trim();
    let message = "";
    if (value === "") {
      if (spec.required) message = `${spec.name} is required.`;
    } else if (spec.enum && !spec.enum.includes(value)) {
      message = `${spec.name} must be one of: ${spec.enum.map((v) => JSON.stringify(v)).join(", ")}.`;
    } else if (spec.type === "integer" || spec.type === "number") {
      const n = Number(value);
      if (!Number.isFinite(n) || (spec.type === "integer" && !Number.isInteger(n))) message = `${spec.name} must be ${spec.type === "integer" ? "an integer" : "a number"}.`;
      else if (spec.minimum !== undefined && n < spec.minimum) message = `${spec.name} must be at least ${spec.minimum}.`;
      else if (spec.maximum !== undefined && n > spec.maximum) message = `${spec.name} must be at most ${spec.maximum}.`;
    }
    const error = document.getElementById(`param-${spec.name}-error`);
    error.textContent = message;
    input.toggleAttribute("aria-invalid", Boolean(message));
    if (message) problems.push({ input, message });
  }
  if (targetUrl.checked && !/^https?:\/\/\S+$/.test(urlInput.value.trim())) {
    document.getElementById("target-endpoint-error").textContent = "Enter an http(s) URL.";
    problems.push({ input: urlInput, message: "The endpoint URL is not an http(s) URL." });
  } else document.getElementById("target-endpoint-error").textContent = "";
  return problems;
}

// ---- sending --------------------------------------------------------------------------------------------
const SECRET_HEADER = /token|cookie|xsrf|csrf|security/i;
/** Header values shown on screen: tokens masked; of an Authorization header only the signature stays readable. */
function shownHeader(name, value, secrets) {
  let v = value;
  if (SECRET_HEADER.test(name) || /^bearer /i.test(v)) v = v.replace(/^(bearer )?.*$/i, (_, b) => `${b ?? ""}••••••`);
  for (const s of secrets) if (s) v = v.split(s).join("••••••");
  return v;
}

function values() {
  const out = {};
  for (const { spec, input } of paramFields) {
    const v = input.value.trim();
    if (v === "" || !spec.arg) continue;
    out[spec.arg] = (spec.type === "integer" || spec.type === "number") && v !== "" ? Number(v) : spec.name === "id" && /^-?\d+$/.test(v) ? Number(v) : v;
  }
  return out;
}

async function run() {
  const exchanges = [];
  const v = values();
  const credentials = Object.fromEntries(Object.entries(credInputs).map(([k, input]) => [k, input.value]));
  const secrets = [credentials.accessKeySecret, credentials.token];
  const viaMock = targetMock.checked;
  if (viaMock) mock ??= createMock();
  const transport = async (request) => {
    const signed = signedPartsOf(request);
    const wire = { method: request.method, url: request.url, headers: [...request.headers].map(([k, val]) => [k, shownHeader(k, val, secrets)]) };
    const response = viaMock ? ((await getResponse(mock.handlers, request.clone())) ?? new Response(`no mock handler for ${request.method} ${request.url}`, { status: 501 })) : await fetch(request);
    const body = await response.clone().text();
    exchanges.push({ wire, signed, response: { status: response.status, headers: [...response.headers].map(([k, val]) => [k, shownHeader(k, val, secrets)]), body } });
    return response;
  };
  const options = { provider: config.provider, credentials, fetch: transport, retry: false };
  if (v.region) options.region = v.region;
  if (v.projectId) options.projectId = v.projectId;
  if (config.provider === "hitachi-vsp-one-object") options.endpoint = `${v.scheme ?? "https"}://${v.host}/mapi`;
  if (!viaMock) options.endpoint = urlInput.value.trim();
  let outcome;
  try {
    const client = createBucketClient(options);
    if (config.operation === "getBucketAcl") outcome = { result: await client.getBucketAcl(v.bucket) };
    else {
      const listing = { ...(v.prefix ? { prefix: v.prefix } : {}), ...(v.pageSize ? { pageSize: v.pageSize } : {}), ...(v.userId !== undefined ? { userId: v.userId } : {}) };
      outcome = { result: client.listBucketsPage ? await client.listBucketsPage(listing) : await collect(client.listBuckets(listing)) };
    }
  } catch (err) {
    outcome = { error: err };
  }
  return { exchanges, outcome };
}

async function collect(iterable) {
  const buckets = [];
  for await (const b of iterable) buckets.push(b);
  return { buckets };
}

// ---- showing --------------------------------------------------------------------------------------------
const pre = (text, label) => h("pre", { tabindex: "0", "aria-label": label }, h("code", {}, text));
const withoutRaw = (value) => JSON.stringify(value, (k, x) => (k === "raw" ? undefined : x), 2);

function show({ exchanges, outcome }) {
  const parts = [];
  exchanges.forEach((x, i) => {
    const n = exchanges.length > 1 ? ` ${i + 1} of ${exchanges.length}` : "";
    parts.push(
      h("h2", {}, `Request${n}`),
      pre(`${x.wire.method} ${x.wire.url}\n${x.wire.headers.map(([k, val]) => `${k}: ${val}`).join("\n")}`, `Wire request${n}`),
      ...(x.signed
        ? [
            ...(x.signed.canonicalRequest !== undefined ? [h("h3", {}, "Canonical request"), pre(x.signed.canonicalRequest, `Canonical request${n}`)] : []),
            h("h3", {}, "String to sign"),
            pre(x.signed.stringToSign, `String to sign${n}`),
          ]
        : [h("p", {}, "Not signed (a bearer token or session request).")]),
      h("h2", {}, `Response${n}: ${x.response.status}`),
      pre(`HTTP ${x.response.status}\n${x.response.headers.map(([k, val]) => `${k}: ${val}`).join("\n")}\n\n${x.response.body}`, `Response${n}`),
    );
  });
  if (outcome.error) {
    const e = outcome.error;
    const rows = isBucketryError(e)
      ? [["kind", e.kind], ["status", e.status], ["code", e.code], ["request id", e.requestId], ["message", e.vendorMessage ?? e.message], ["retryable", e.retryable]]
      : [["error", String(e)]];
    const diff = isBucketryError(e) ? e.signature?.firstDifference : undefined;
    parts.unshift(
      h("h2", { id: "try-it-outcome" }, "BucketryError"),
      h("dl", { class: "error-facts" }, rows.filter(([, val]) => val !== undefined).flatMap(([k, val]) => [h("dt", {}, k), h("dd", { "data-fact": k }, String(val))])),
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
  results.replaceChildren(...parts);
  status.textContent = outcome.error ? `Failed: ${outcome.error.kind ?? "error"} ${outcome.error.code ?? ""} (${exchanges.length} request${exchanges.length === 1 ? "" : "s"})` : `Done: HTTP ${exchanges.at(-1)?.response.status} (${exchanges.length} request${exchanges.length === 1 ? "" : "s"})`;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const problems = validate();
  if (problems.length) {
    results.replaceChildren();
    status.textContent = `Not sent: ${problems.map((p) => p.message).join(" ")}`;
    problems[0].input.focus();
    return;
  }
  send.disabled = true;
  status.textContent = "Sending…";
  try {
    show(await run());
  } finally {
    send.disabled = false;
  }
});
