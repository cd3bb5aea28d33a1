// The docs portal's Try-it pages in headless Chromium, per vendor: the defaults send a signed request that the
// in-page mock answers 200 and the normalized result is shown; an empty required field stops the send with a
// message; a wrong secret shows the vendor's signature error; the throttling, 5xx and clock-skew scenarios show
// the client's retries and clock correction and end in success; the code panel holds the call with the form's
// values and copies it; every other operation's page answers 200. axe-core checks each panel (no serious or
// critical violations). Screenshots go where test/docs.test.ts writes its own.
import { readFileSync } from "node:fs";
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { recordingPage, type PageLog } from "./support/browser.js";
import { useDocsSite } from "./support/docs-site.js";
import { BAD_PORTS, badPortOf } from "../docs-src/try-it/ports.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const docsDir = join(root, "docs");
const shotsDir = join(root, "test-results", "docs");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Per vendor: a required field of the operation (from its spec), and the error code the vendor answers a request
 * signed with the wrong secret with (vendor docs, as in the mocks' error tables).
 */
const VENDORS: Record<string, { required: string; secretField: string; kind: string; code?: string; explained?: RegExp }> = {
  "aliyun-ens": { required: "Action", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "SignatureDoesNotMatch" },
  "huaweicloud-mpc": { required: "project_id", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "APIGW.0301" },
  "baidu-bos": { required: "bucketName", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "SignatureDoesNotMatch" },
  // A bearer token, not a signature: a wrong one is a 401 with no error body.
  "hitachi-vsp-one-object": { required: "id", secretField: "cred-token", kind: "InvalidCredentials" },
  // OSS reports its own string to sign: the page compares it with ours.
  "aliyun-oss": { required: "bucket", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "SignatureDoesNotMatch", explained: /server's text matches ours: the secret differs/ },
};
/** Bearer token + CSRF session: no request signature, no request id, no clock to skew. */
const TOKEN_AUTH = "hitachi-vsp-one-object";
/** The pages of the operations the facade does not run by default, and what their answer shows. */
const OTHER_OPERATIONS: Record<string, { file: string; outcome: string; shows: RegExp }> = {
  "aliyun-ens": { file: "aliyun-ens-ListBucketsByGet.html", outcome: "Typed data (bare client)", shows: /"BucketInfos"/ },
  "baidu-bos": { file: "baidu-bos-GetBucketAcl.html", outcome: "Normalized result", shows: /"grants"/ },
  "hitachi-vsp-one-object": { file: "hitachi-vsp-one-object-GetCsrfToken.html", outcome: "Typed data (bare client)", shows: /XSRF-TOKEN \(readable by the page's scripts\)[\s\S]*vertx-web\.session \(HttpOnly: hidden from scripts\)/ },
};

const site = useDocsSite(docsDir, shotsDir);

async function open(vendor: string, file = `${vendor}.html`): Promise<{ page: Page; log: PageLog }> {
  const opened = await recordingPage(site.browser, site.origin);
  await opened.page.goto(`${site.origin}/try-it/${file}`);
  await opened.page.locator("#try-it-form").waitFor();
  return opened;
}

async function sendAndWait(page: Page): Promise<string> {
  await page.locator("#try-it-form button[type=submit]").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^(Done|Failed|Not sent)/.test(document.getElementById("try-it-status")?.textContent ?? ""));
  return (await page.locator("#try-it-status").textContent()) ?? "";
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const report = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document);
    return report.violations.map((v) => `${v.impact} ${v.id}`);
  });
  return violations.filter((v) => /^(serious|critical)/.test(v));
}

/** Runs `test` against a fresh loopback `bucketry mock` server, closed afterwards whatever happens. */
async function withMockServer(test: (server: MockServer) => Promise<void>): Promise<void> {
  const server = await startMockServer();
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

/** Opens a vendor's page with the URL target set to `endpoint` (both loopback origins allowed) and sends. */
async function sendToUrl(vendor: string, endpoint: string, fill: Record<string, string> = {}, file = `${vendor}.html`): Promise<{ page: Page; log: PageLog; status: string }> {
  const { page, log } = await recordingPage(site.browser, "http://127.0.0.1:");
  await page.goto(`${site.origin}/try-it/${file}`);
  await page.locator("#try-it-form").waitFor();
  await page.locator("#target-url").check();
  await page.locator("#target-endpoint").fill(endpoint);
  for (const [id, value] of Object.entries(fill)) await page.locator(`#${id}`).fill(value);
  return { page, log, status: await sendAndWait(page) };
}

/** A URL target on loopback that lets the page call it (CORS preflight, credentials) and answers with `answer`. */
async function corsTarget(answer: (req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) => void): Promise<Server> {
  const server = createServer((req, res) => {
    const cors = { "access-control-allow-origin": req.headers.origin ?? "*", "access-control-allow-headers": "*", "access-control-allow-credentials": "true" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    answer(req, res, cors);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** Each page sent by a bare client, pointed at `target`: the status line, a typed error (with `shown`, if given), no script error. */
async function expectBareFailure(target: Server, status: string, shown?: string): Promise<void> {
  for (const file of ["aliyun-ens-ListBucketsByGet.html", "hitachi-vsp-one-object-GetCsrfToken.html"]) {
    const sent = await sendToUrl(file.replace(/-[A-Z]\w*\.html$/, ""), `http://127.0.0.1:${(target.address() as AddressInfo).port}`, {}, file);
    expect(sent.status, file).toBe(status);
    await expect(sent.page.locator("#try-it-outcome").textContent()).resolves.toBe("Typed error (bare client)");
    if (shown !== undefined) await expect(sent.page.locator("#try-it-results pre").first().textContent()).resolves.toBe(shown);
    expect(sent.log.pageErrors, file).toEqual([]);
    await sent.page.close();
  }
}

const attempts = async (page: Page) => page.locator("#try-it-timeline li").allTextContents();

describe("Try-it pages", () => {
  it("the index links a Try-it page per vendor", async () => {
    const { page } = await recordingPage(site.browser, site.origin);
    await page.goto(`${site.origin}/index.html`);
    for (const vendor of Object.keys(VENDORS)) {
      await expect(page.locator(`#${vendor} a[href="try-it/${vendor}.html"]`).count()).resolves.toBe(1);
    }
    await page.close();
  });

  it("pages sent by a bare client offer scenarios as the bare client meets them; the CSRF page asks for no credentials and plays its scenarios on GET /v1/csrf", async () => {
    const { page: ens } = await open("aliyun-ens", "aliyun-ens-ListBucketsByGet.html");
    const ensOptions = await ens.locator("#try-it-scenario option").allTextContents();
    expect(ensOptions).toContain("5xx: a 503 answer (the bare client does not retry)");
    expect(ensOptions).toContain("Clock skew: the server's clock is one hour ahead of the page's (the bare client does not correct its clock)");
    await ens.close();
    const { page: csrf, log } = await open("hitachi-vsp-one-object", "hitachi-vsp-one-object-GetCsrfToken.html");
    await expect(csrf.locator("#cred-token").count()).resolves.toBe(0);
    await expect(csrf.locator("#try-it-scenario option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).resolves.toEqual(["none", "throttle", "unavailable"]);
    await csrf.locator("#try-it-scenario").selectOption("unavailable");
    await expect(sendAndWait(csrf)).resolves.toMatch(/^Failed: HTTP 503/);
    expect(log.pageErrors).toEqual([]);
    await csrf.close();
  });

  it("every secret field is masked and marked one-time-code, which Chromium's password manager never offers to save (it ignores autocomplete=off on a password field)", async () => {
    const files = [...Object.keys(VENDORS).map((v) => `${v}.html`), ...Object.values(OTHER_OPERATIONS).map((o) => o.file)];
    for (const file of files) {
      const { page } = await open(file.replace(/(-[A-Z]\w*)?\.html$/, ""), file);
      const fields = await page.locator("#try-it-form input").evaluateAll((inputs) => inputs.map((i) => ({ name: (i as HTMLInputElement).name, type: (i as HTMLInputElement).type, autocomplete: i.getAttribute("autocomplete") })));
      const secrets = fields.filter((f) => ["accessKeySecret", "securityToken", "token"].includes(f.name));
      // Every page but Hitachi's CSRF page (sent without credentials) asks for a secret.
      expect(secrets.length, file).toBe(file.includes("GetCsrfToken") ? 0 : file.startsWith("hitachi") ? 1 : 2);
      for (const f of fields.filter((x) => x.type === "password" || secrets.includes(x))) expect(f, file).toMatchObject({ type: "password", autocomplete: "one-time-code" });
      await page.close();
    }
  });

  it("the form cannot send itself: with no submit handler (the script failed before adding it), Enter in the secret field builds no form data and leaves the URL alone", async () => {
    const { page, log } = await recordingPage(site.browser, site.origin);
    await page.addInitScript(() => {
      const w = window as unknown as { __formData?: string[]; __navigated?: string; navigation: EventTarget };
      const add = EventTarget.prototype.addEventListener;
      // The panel's script stops where it adds its submit handler, as if it had thrown there.
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) {
        if (type === "submit") throw new Error("no submit handler");
        return add.call(this, type, ...rest);
      };
      // A submission that navigates builds the form's data set first: the formdata event, in the key press's own
      // task. A dialog-method form in no dialog stops before it. The navigation itself is cancelled, to keep the page.
      add.call(document, "formdata", (e) => (w.__formData = [...(e as FormDataEvent).formData.keys()]), true);
      add.call(w.navigation, "navigate", (e) => {
        const event = e as Event & { destination: { url: string } };
        w.__navigated = event.destination.url;
        event.preventDefault();
      });
    });
    await page.goto(`${site.origin}/try-it/aliyun-oss.html`);
    await page.locator("#try-it-form").waitFor();
    const secret = "SecretTypedIntoTheForm0123";
    await page.locator("#cred-accessKeySecret").fill(secret);
    await page.locator("#cred-accessKeySecret").focus();
    await page.keyboard.press("Enter");
    const formData = await page.evaluate(() => (window as unknown as { __formData?: string[] }).__formData);
    expect(formData, "the form built a data set to submit").toBeUndefined();
    await expect(page.locator("#try-it-form").evaluate((f) => (f as HTMLFormElement).method)).resolves.toBe("dialog");
    expect(page.url()).not.toContain(secret);
    expect(log.pageErrors).toEqual(["Error: no submit handler"]);
    await page.close();
  });

  it("a value the spec's schema refuses (its pattern, its bounds) shows the spec's rule next to the field and sends nothing", async () => {
    // ENS's PageNumber is an integer written as ^[1-9][0-9]*$: "1e21" reads as an integer >= 1, but goes on the
    // wire as "1e+21", which the pattern (and ENS) refuses.
    const { page, log } = await open("aliyun-ens", "aliyun-ens-ListBucketsByGet.html");
    for (const [field, value, message] of [
      ["PageNumber", "1e21", 'PageNumber must match pattern "^[1-9][0-9]*$".'],
      ["PageSize", "500", "PageSize must be <= 100."],
    ] as const) {
      await page.locator(`#param-${field}`).fill(value);
      const status = await sendAndWait(page);
      expect(status).toBe(`Not sent: ${message}`);
      await expect(page.locator(`#param-${field}-error`).textContent()).resolves.toBe(message);
      await expect(page.locator(`#param-${field}`).getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(page.locator("#try-it-timeline li").count()).resolves.toBe(0);
      await expect(page.locator("#try-it-results").textContent()).resolves.toBe("");
      await page.locator(`#param-${field}`).fill("1");
    }
    // Within the rules: sent, and the mock answers 200.
    await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  // The EC and help page of each spec's example: ENS's Recommend, OSS's <EC> and <RecommendDoc>; BOS gives neither.
  it.each([
    ["aliyun-ens", "UserDisable", "AccessDenied", { help: "https://next.api.aliyun.com/troubleshoot?q=UserDisable&product=Ens" }],
    ["aliyun-oss", "AccessDenied", "AccessDenied", { EC: "0003-00000001", help: "https://api.aliyun.com/troubleshoot?q=0003-00000001" }],
    ["baidu-bos", "AccountOverdue", "AccessDenied", {}],
  ])("%s: the picker offers each documented error; %s comes back as the vendor sends it, mapped to %s", async (vendor, code, kind, vendorHelp) => {
    const { page } = await open(vendor);
    await page.locator("#try-it-scenario").selectOption(`error:${code}`);
    await expect(sendAndWait(page)).resolves.toMatch(/^Failed/);
    const shown = Object.fromEntries(await page.locator("dl.error-facts dd").evaluateAll((dds) => dds.map((dd) => [dd.getAttribute("data-fact"), dd.textContent])));
    expect(shown).toMatchObject({ kind, code });
    expect({ EC: shown.EC, help: shown.help }).toEqual({ EC: undefined, help: undefined, ...vendorHelp });
    await page.close();
  });

  it("aliyun-ens: the spec's PageNumber is a field of ListBuckets, sent on the wire and carried by both programs", async () => {
    const { page, log } = await open("aliyun-ens");
    await page.locator("#param-PageNumber").fill("2");
    await expect(page.locator("pre[data-code=bare]").textContent()).resolves.toContain(`"PageNumber":"2"`);
    await expect(page.locator("pre[data-code=facade]").textContent()).resolves.toContain(`"cursor":"2"`);
    await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
    await expect(page.locator("pre[aria-label='Wire request'] code").textContent()).resolves.toMatch(/^POST \S*[?&]PageNumber=2[&\s]/);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("from file://, Hitachi's page states why its cookie session cannot work there (a browser keeps no cookies for file:// pages)", async () => {
    const { page } = await recordingPage(site.browser, "file://");
    await page.goto(pathToFileURL(join(docsDir, "try-it", "hitachi-vsp-one-object.html")).href);
    await page.locator("#try-it-form").waitFor();
    await expect(page.locator("#try-it-limit").textContent()).resolves.toMatch(/file:\/\/ pages/);
    // It fails where the page says it will: the CSRF session finds no XSRF-TOKEN cookie (not at the options).
    await expect(sendAndWait(page)).resolves.toMatch(/^Failed: MalformedResponse/);
    await expect(page.locator("#try-it-results").textContent()).resolves.toContain("set no XSRF-TOKEN cookie");
    await page.close();
  });

  it("works from file:// with no server: the in-page mock answers (offline)", async () => {
    const { page, log } = await recordingPage(site.browser, "file://");
    await page.goto(pathToFileURL(join(docsDir, "try-it", "aliyun-oss.html")).href);
    await page.locator("#try-it-form").waitFor();
    await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
    expect(log.external).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("the URL target: sends to the endpoint the reader types (a loopback `bucketry mock` server)", () =>
    withMockServer(async (mockServer) => {
      const { page, log, status } = await sendToUrl("aliyun-ens", mockServer.endpoints["aliyun-ens"]);
      expect(status).toMatch(/^Done: HTTP 200/);
      await expect(page.locator("pre[aria-label='Wire request'] code").textContent()).resolves.toMatch(new RegExp(`^POST ${mockServer.endpoints["aliyun-ens"]}/?[?\\n]`));
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      await page.close();
    }));

  it("the URL target for Hitachi: the session's cookies travel in the browser's own jar (credentialed requests to a loopback `bucketry mock`)", () =>
    withMockServer(async (mockServer) => {
      const { page, log, status } = await sendToUrl("hitachi-vsp-one-object", mockServer.endpoints["hitachi-vsp-one-object"]);
      expect(status).toMatch(/^Done: HTTP 200/);
      const calls = mockServer.mock.requests.map((c) => `${c.operationId} ${c.response?.status} ${c.auth?.ok ?? ""}`);
      expect(calls).toEqual(["GetCsrfToken 200 ", "ListUserBuckets 200 true"]);
      expect(log.pageErrors).toEqual([]);
      await page.close();
    }));

  it.each([
    ["aliyun-oss", "aliyun-oss.html", 3],
    ["aliyun-ens", "aliyun-ens-ListBucketsByGet.html", 1],
  ])("%s: a URL target that gives no answer (every connection reset) lists each attempt and says what to check (%s)", async (vendor, file, sent) => {
    // A loopback port that resets every connection before any answer. It stays held for the whole test: a port
    // taken and released could be taken again by a parallel test's server, which would answer. (The discard port,
    // 9, where the other tests aim, is one Chromium refuses to dial at all.)
    const resetting = createNetServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => resetting.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(resetting.address() as AddressInfo).port}`;
    try {
      const { page, log, status } = await sendToUrl(vendor, endpoint, {}, file);
      expect(status).toBe(`Failed: Network (${sent} request${sent === 1 ? "" : "s"}, no answer)`);
      const steps = await attempts(page);
      expect(steps.filter((s) => s.includes(`→ no answer from ${endpoint}`))).toHaveLength(sent);
      const hint = (await page.locator("#try-it-hint").textContent()) ?? "";
      expect(hint).toContain(`no answer from ${endpoint}`);
      expect(hint).toContain(`origin ${site.origin}`);
      expect(hint).toMatch(/CORS/);
      await expect(page.locator("#try-it-outcome").textContent()).resolves.toBe(vendor === "aliyun-oss" ? "BucketryError" : "Error");
      expect(log.pageErrors).toEqual([]);
      await page.close();
    } finally {
      await new Promise((resolve) => resetting.close(resolve));
    }
  });

  it("a fetch that fails with a message quoting the request's headers (a proxy's or a shim's error): the attempts list and the error shown mask the security token", async () => {
    const { page, log } = await recordingPage(site.browser, "http://127.0.0.1:");
    await page.addInitScript(() => {
      window.fetch = (input, init) => {
        const request = new Request(input, init);
        return Promise.reject(new TypeError(`Failed to fetch (refused: ${[...request.headers].map(([k, v]) => `${k}: ${v}`).join("; ")})`));
      };
    });
    await page.goto(`${site.origin}/try-it/aliyun-ens-ListBucketsByGet.html`);
    await page.locator("#try-it-form").waitFor();
    const token = "STS.QuotedBackByTheFetch0123";
    await page.locator("#cred-securityToken").fill(token);
    await page.locator("#target-url").check();
    // Nothing is dialled: the page's fetch refuses before any connection.
    await page.locator("#target-endpoint").fill("http://127.0.0.1:9");
    await expect(sendAndWait(page)).resolves.toBe("Failed: Network (1 request, no answer)");
    const steps = (await attempts(page)).join("\n");
    expect(steps).toContain("refused: ");
    expect(steps).toMatch(/x-acs-security-token: ••••••/);
    const shown = (await page.locator("#try-it-results").textContent()) ?? "";
    expect(shown).toContain("refused: ");
    for (const text of [steps, shown, await page.locator("#try-it-status").textContent()]) expect(text).not.toContain(token);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("a URL on a port the browser will not dial (6000, a Fetch-standard bad port): the hint names the port, not CORS", async () => {
    const { page, log } = await open("aliyun-oss");
    await page.locator("#target-url").check();
    await page.locator("#target-endpoint").fill("http://127.0.0.1:6000/aliyun-oss");
    await expect(sendAndWait(page)).resolves.toMatch(/^Failed: Network \(\d+ requests?, no answer\)$/);
    const hint = (await page.locator("#try-it-hint").textContent()) ?? "";
    expect(hint).toContain("Port 6000 is one the Fetch standard blocks: browsers may refuse to dial it");
    expect(hint).not.toContain("CORS");
    // Sent (the page's guard, which aborts every request off the docs site, saw each attempt), not refused before.
    expect(log.external.length).toBeGreaterThan(0);
    expect(log.external.filter((url) => !url.startsWith("http://127.0.0.1:6000/aliyun-oss/"))).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("the ports that hint names are the Fetch standard's: Chromium refuses them (net::ERR_UNSAFE_PORT) but two late additions, and no port next to one", async () => {
    expect(badPortOf("http://127.0.0.1:10080/")).toBe(10080);
    expect(badPortOf("http://127.0.0.1:10081/")).toBeUndefined();
    expect(badPortOf("https://127.0.0.1:6000/")).toBe(6000);
    // Loopback only: the context lets 127.0.0.1 through and aborts anything else. Nothing needs to listen: a port the
    // browser dials fails as refused (or answers), one it will not dial fails as unsafe, before any connection.
    const context = await site.browser.newContext();
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    const page = await context.newPage();
    try {
      const outcome = async (port: number): Promise<string> => {
        const url = new URL(`http://127.0.0.1:${port}/try-it-port`).href; // as the browser writes it (no :80)
        const [text] = await Promise.all([
          Promise.race([
            page.waitForEvent("requestfailed", (r) => r.url() === url).then((r) => r.failure()?.errorText ?? "failed"),
            page.waitForEvent("requestfinished", (r) => r.url() === url).then(() => "answered"),
          ]),
          // A server that holds the connection is cut off after 5 s: a dialled port, whatever it answers.
          page.evaluate((u) => fetch(u, { signal: AbortSignal.timeout(5000) }).then(() => undefined, () => undefined), url),
        ]);
        return text;
      };
      const listed = [...BAD_PORTS];
      const neighbours = listed.map((p) => p + 1).filter((p) => !BAD_PORTS.has(p));
      const unsafe: number[] = [];
      for (const port of [...listed, ...neighbours]) if ((await outcome(port)) === "net::ERR_UNSAFE_PORT") unsafe.push(port);
      // 4190 and 6679 joined the standard's list in 2021; Chromium may dial them still. Every other listed port it
      // refuses, and none next to one: the list is no guess.
      expect(listed.filter((p) => !unsafe.includes(p) && p !== 4190 && p !== 6679)).toEqual([]);
      expect(unsafe.filter((p) => !BAD_PORTS.has(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an endpoint URL with user:password@ (which every client refuses) is refused by the form and never reaches the code panel", async () => {
    const { page, log } = await open("aliyun-oss");
    await page.locator("#target-url").check();
    const password = "PasswordInTheEndpointUrl0123";
    await page.locator("#target-endpoint").fill(`http://LTAIuser:${password}@127.0.0.1:9/aliyun-oss`);
    for (const kind of ["bare", "facade"]) await expect(page.locator(`pre[data-code=${kind}]`).textContent()).resolves.not.toContain(password);
    await expect(sendAndWait(page)).resolves.toBe("Not sent: Enter an http(s) URL without user:password@.");
    await expect(page.locator("#target-endpoint-error").textContent()).resolves.toBe("Enter an http(s) URL without user:password@.");
    await expect(page.locator("#try-it-timeline li").count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.body.innerText)).resolves.not.toContain(password);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it("pages sent by a bare client: a URL target that redirects (HTTP 0 in a browser, not followed) is a failure, shown without a script error, and nothing reaches where it points", async () => {
    const reached: string[] = [];
    const elsewhere = createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "access-control-allow-origin": "*" }).end("{}");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    // A real-looking endpoint's answer to http:// or to the wrong region: a redirect, CORS allowed.
    const redirector = await corsTarget((req, res, cors) => res.writeHead(301, { ...cors, location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}${req.url}` }).end());
    try {
      await expectBareFailure(redirector, "Failed: HTTP 0 (1 request)");
      expect(reached).toEqual([]);
    } finally {
      for (const server of [redirector, elsewhere]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it("pages sent by a bare client: an error answer with no body (a gateway's bare 403) is a failure, shown without a script error", async () => {
    // openapi-fetch gives neither `data` nor `error` for an answer with Content-Length: 0, whatever its status.
    const bare403 = await corsTarget((_req, res, cors) => res.writeHead(403, { ...cors, "content-length": "0" }).end());
    try {
      await expectBareFailure(bare403, "Failed: HTTP 403 (1 request)", "(no body)");
    } finally {
      bare403.closeAllConnections();
      await new Promise((resolve) => bare403.close(resolve));
    }
  });

  it("aliyun-oss: a RAM denial lists the action denied and what denied it, with OSS's EC and its page", async () => {
    // OSS's error document on its EC 0003-00000201 page (an explicit Deny in a RAM policy), as OSS sends it.
    const denial = readFileSync(join(root, "packages/bucketry/test/fixtures/oss-explicit-deny.xml"), "utf8");
    const denier = await corsTarget((_req, res, cors) => res.writeHead(403, { ...cors, "content-type": "application/xml" }).end(denial));
    try {
      const sent = await sendToUrl("aliyun-oss", `http://127.0.0.1:${(denier.address() as AddressInfo).port}`);
      expect(sent.status).toBe("Failed: AccessDenied AccessDenied (1 request)");
      const shown = Object.fromEntries(await sent.page.locator("dl.error-facts dd").evaluateAll((dds) => dds.map((dd) => [dd.getAttribute("data-fact"), dd.textContent])));
      expect(shown).toMatchObject({
        kind: "AccessDenied",
        code: "AccessDenied",
        EC: "0003-00000201",
        help: "https://api.aliyun.com/troubleshoot?q=0003-00000201",
        "RAM denied": "oss:PutBucketReferer ExplicitDeny AccountLevelIdentityBasedPolicy",
      });
      expect(sent.log.pageErrors).toEqual([]);
      await sent.page.close();
    } finally {
      denier.closeAllConnections();
      await new Promise((resolve) => denier.close(resolve));
    }
  });

  it("the CSRF page with the URL target does not claim the answer set no cookies: a browser hides Set-Cookie from the page", () =>
    withMockServer(async (mockServer) => {
      const endpoint = mockServer.endpoints["hitachi-vsp-one-object"];
      const { page, log, status } = await sendToUrl("hitachi-vsp-one-object", endpoint, {}, "hitachi-vsp-one-object-GetCsrfToken.html");
      expect(status).toMatch(/^Done: HTTP 200/);
      // The server did set both cookies…
      const setCookie = String(mockServer.mock.requests.at(-1)?.response?.headers?.["set-cookie"]);
      expect(setCookie).toMatch(/XSRF-TOKEN=/);
      expect(setCookie).toMatch(/vertx-web\.session=/);
      // …and the page says it cannot see them, naming the origin that holds them.
      const shown = await page.locator("pre[aria-label='Typed data'] code").textContent();
      expect(shown).not.toMatch(/"cookiesSet":\s*\[\]/);
      expect(shown).toContain(`not visible to this page`);
      expect(shown).toContain(new URL(endpoint).host);
      expect(log.pageErrors).toEqual([]);
      await page.close();
    }));

  it("an answer that quotes the request's headers back (a proxy's error page): the token and the XSRF token are masked in the response shown", () =>
    withMockServer(async (mockServer) => {
      const target = new URL(mockServer.url);
      // A loopback proxy in front of the mock whose answer to the listing quotes the request's headers in its body,
      // with the mock's own status line and CORS headers. It keeps the XSRF token the listing carried (the mock's
      // recorded calls show it redacted).
      let xsrf = "";
      const proxy: Server = createServer((req, res) => {
        const upstream = forward({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          const echo = req.method === "POST" && /list_buckets/.test(req.url ?? "");
          if (echo) xsrf = String(req.headers["x-xsrf-token"] ?? "");
          const headers = { ...answer.headers };
          if (echo) delete headers["content-length"];
          res.writeHead(echo ? 400 : (answer.statusCode ?? 502), headers);
          if (!echo) return void answer.pipe(res);
          answer.resume();
          res.end(JSON.stringify({ code: "BadRequest", message: `received headers: ${JSON.stringify(req.headers)}` }));
        });
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      try {
        const hitachiPath = new URL(mockServer.endpoints["hitachi-vsp-one-object"]).pathname;
        const token = "EchoedBearerToken0123456789";
        const { page, status } = await sendToUrl("hitachi-vsp-one-object", `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${hitachiPath}`, { "cred-token": token });
        expect(status).toMatch(/^Failed: InvalidArgument/);
        expect(mockServer.mock.requests.find((c) => c.operationId === "ListUserBuckets")?.headers["x-xsrf-token"]).toBe("[redacted]");
        expect(xsrf.length).toBeGreaterThan(4);
        const shown = (await page.locator("#try-it-results").textContent()) ?? "";
        expect(shown).toContain("received headers");
        expect(shown).toContain("••••••");
        expect(shown).not.toContain(token);
        expect(shown).not.toContain(xsrf);
        await page.close();
      } finally {
        proxy.closeAllConnections();
        await new Promise((resolve) => proxy.close(resolve));
      }
    }));

  it("a signed header the page did not send (added by a proxy on the way): the first difference from OSS's canonical request is shown", () =>
    withMockServer(async (mockServer) => {
      const target = new URL(mockServer.url);
      // A loopback proxy that adds an x-oss-* header, which OSS V4 signs: the server's canonical request then
      // differs from the page's in that header's line.
      const proxy: Server = createServer((req, res) => {
        const headers = { ...req.headers, ...(req.method === "OPTIONS" ? {} : { "x-oss-meta-added-by-proxy": "1" }) };
        const upstream = forward({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      try {
        const proxied = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/aliyun-oss`;
        const { page, status } = await sendToUrl("aliyun-oss", proxied, { "param-bucket": mockServer.mock.state.buckets[0]!.name });
        expect(status).toMatch(/^Failed: SignatureMismatch SignatureDoesNotMatch/);
        const explained = (await page.locator(".signature-difference").textContent()) ?? "";
        expect(explained).toMatch(/^First difference in the canonical request, line \d+, column \d+: ours .* — server's .*x-oss-meta-added-by-proxy/);
        await page.close();
      } finally {
        // The browser may keep its keep-alive socket to the proxy: closed here, not left to the idle timeout.
        proxy.closeAllConnections();
        await new Promise((resolve) => proxy.close(resolve));
      }
    }));

  for (const [vendor, facts] of Object.entries(VENDORS)) {
    describe(vendor, () => {
      it("defaults: signed, answered 200 by the in-page mock, normalized result, string to sign and masked secrets shown; axe finds no serious violation", async () => {
        const { page, log } = await open(vendor);
        const status = await sendAndWait(page);
        const results = (await page.locator("#try-it-results").textContent()) ?? "";
        expect(status).toMatch(/^Done: HTTP 200/);
        await expect(page.locator("#try-it-outcome").textContent()).resolves.toBe("Normalized result");
        const result = JSON.parse((await page.locator("pre[aria-label='Normalized result'] code").textContent()) ?? "null");
        // A listing's page may be empty (ENS's example prefix matches none of the mock's buckets).
        if (Array.isArray(result.buckets)) result.buckets.forEach((b: { provider: string }) => expect(b.provider).toBe(vendor));
        else expect(result.provider).toBe(vendor);
        await expect(page.locator("#try-it-limit").count()).resolves.toBe(0);
        if (vendor === TOKEN_AUTH) {
          // The CSRF handshake, then the call: cookies kept by the page as a browser keeps them, never shown. The
          // in-page MAPI answers on the page's own host (a browser keeps cookies per host; the session reads the
          // XSRF token only on the MAPI's host), and says so.
          const origin = new URL(page.url()).origin;
          expect(results).toContain(`GET ${origin}/mapi/v1/csrf`);
          expect(results).toContain(`POST ${origin}/mapi/v1/user/list_buckets`);
          expect((await attempts(page))[0]).toContain(`The in-page MAPI answers on this page's host (${new URL(origin).host})`);
          expect(results).toMatch(/x-xsrf-token: ••••••/i);
          expect(results).not.toMatch(/set-cookie: (?!••••••)/i);
        } else {
          expect(results).toContain("String to sign");
          // The signature itself stays readable on the wire request (hex HMAC-SHA256 in every scheme here).
          expect(results).toMatch(/authorization: .*[0-9a-f]{64}/i);
        }
        const secret = await page.locator("#cred-accessKeySecret, #cred-token").inputValue();
        expect(results).not.toContain(secret);
        expect(await page.locator("#cred-accessKeySecret, #cred-token").getAttribute("type")).toBe("password");
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shotsDir, `try-it-${vendor}.png`), fullPage: true });
        expect(log.external).toEqual([]);
        expect(log.consoleErrors).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        await page.close();
      });

      it(`an empty required field (${facts.required}) shows a message and sends nothing`, async () => {
        const { page } = await open(vendor);
        const input = page.locator(`#param-${facts.required}`);
        if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.evaluate((el) => ((el as HTMLSelectElement).value = ""));
        else await input.fill("");
        const status = await sendAndWait(page);
        expect(status).toContain(`${facts.required} is required.`);
        await expect(page.locator(`#param-${facts.required}-error`).textContent()).resolves.toBe(`${facts.required} is required.`);
        await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
        await expect(page.locator("#try-it-results").textContent()).resolves.toBe("");
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`param-${facts.required}`);
        await page.close();
      });

      it.skipIf(vendor === TOKEN_AUTH)("a security token (temporary credentials) is signed as a header and masked in the wire request, the canonical request and the string to sign", async () => {
        // Every scheme here signs the token as a header: the canonical request (ACS3, SDK-HMAC-SHA256, bce-auth-v1,
        // OSS V4) lists it with its value; bce-auth-v1 percent-encodes that value.
        const header = { "aliyun-ens": "x-acs-security-token", "huaweicloud-mpc": "x-security-token", "baidu-bos": "x-bce-security-token", "aliyun-oss": "x-oss-security-token" }[vendor]!;
        const token = "STS.try+it/token=1234";
        const { page, log } = await open(vendor);
        await expect(page.locator("#cred-securityToken").getAttribute("type")).resolves.toBe("password");
        await page.locator("#cred-securityToken").fill(token);
        await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
        const signed = (await page.locator("pre[aria-label='Canonical request'], pre[aria-label='String to sign']").allTextContents()).join("\n");
        expect(signed).toMatch(new RegExp(`^${header}:••••••$`, "mi"));
        await expect(page.locator("pre[aria-label='Wire request']").textContent()).resolves.toMatch(new RegExp(`^${header}: ••••••$`, "mi"));
        const results = (await page.locator("#try-it-results").textContent()) ?? "";
        for (const form of [token, encodeURIComponent(token), "try+it", "try%2Bit"]) expect(results).not.toContain(form);
        expect(log.pageErrors).toEqual([]);
        await page.close();
      });

      it("a wrong secret shows the vendor's signature error", async () => {
        const { page } = await open(vendor);
        await page.locator(`#${facts.secretField}`).fill("wrong-secret-for-the-try-it-test");
        const status = await sendAndWait(page);
        expect(status).toMatch(/^Failed/);
        await expect(page.locator("#try-it-outcome").textContent()).resolves.toBe("BucketryError");
        const shown = Object.fromEntries(await page.locator("dl.error-facts dd").evaluateAll((dds) => dds.map((dd) => [dd.getAttribute("data-fact"), dd.textContent])));
        expect(shown.kind).toBe(facts.kind);
        if (facts.code) expect(shown.code).toBe(facts.code);
        expect(shown["request id"] ?? "").toMatch(vendor === TOKEN_AUTH ? /^$/ : /^[0-9a-f-]{16,}$/i);
        if (facts.explained) await expect(page.locator(".signature-difference").textContent()).resolves.toMatch(facts.explained);
        expect(await page.locator("#try-it-results").textContent()).not.toContain("wrong-secret-for-the-try-it-test");
        await page.close();
      });

      it("the wrong-secret scenario signs with a wrong secret: the vendor's error, the form's secret untouched", async () => {
        const { page } = await open(vendor);
        const secret = await page.locator(`#${facts.secretField}`).inputValue();
        await page.locator("#try-it-scenario").selectOption("wrongSecret");
        await expect(sendAndWait(page)).resolves.toMatch(/^Failed/);
        const shown = Object.fromEntries(await page.locator("dl.error-facts dd").evaluateAll((dds) => dds.map((dd) => [dd.getAttribute("data-fact"), dd.textContent])));
        expect([shown.kind, shown.code]).toEqual([facts.kind, facts.code]);
        await expect(page.locator(`#${facts.secretField}`).inputValue()).resolves.toBe(secret);
        await page.close();
      });

      it("the throttling scenario: the retry is listed as it happens and the call succeeds", async () => {
        const { page, log } = await open(vendor);
        await page.locator("#try-it-scenario").selectOption("throttle");
        await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
        const steps = await attempts(page);
        const retry = steps.findIndex((s) => /^Attempt 1 failed: Throttled\b.*Retrying in \d+ ms/.test(s));
        expect(retry, steps.join("\n")).toBeGreaterThan(0);
        expect(steps[retry - 1]).toMatch(/^Request \d+: .* → HTTP (429|503)\b.*scenario: throttle/);
        expect(steps.at(-1)).toMatch(/→ HTTP 200$/);
        await page.screenshot({ path: join(shotsDir, `try-it-${vendor}-throttled.png`), fullPage: true });
        // The attempts list, the exchanges and the code panel as they are after a retried call.
        expect(await seriousViolations(page)).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        await page.close();
      });

      it("the 5xx scenario: two 503 answers retried, then success", async () => {
        const { page } = await open(vendor);
        await page.locator("#try-it-scenario").selectOption("unavailable");
        await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
        const steps = await attempts(page);
        expect(steps.filter((s) => /^Attempt \d failed: Unavailable/.test(s)), steps.join("\n")).toHaveLength(2);
        expect(steps.filter((s) => /→ HTTP 503\b/.test(s))).toHaveLength(2);
        await page.close();
      });

      if (vendor !== TOKEN_AUTH) {
        it("the clock-skew scenario: the client learns the server's clock from its Date, signs again and succeeds", async () => {
          const { page } = await open(vendor);
          await page.locator("#try-it-scenario").selectOption("skew");
          await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
          const steps = await attempts(page);
          const skew = steps.find((s) => /^Attempt 1 failed: ClockSkew/.test(s));
          expect(skew, steps.join("\n")).toBeDefined();
          // One hour ahead, give or take the seconds the call took.
          const offset = Number(/Date is \+(\d+) s/.exec(skew!)?.[1]);
          expect(Math.abs(offset - 3600)).toBeLessThan(120);
          await page.close();
        });
      }

      it("the code panel: both programs carry the form's values, no key, and Copy puts them on the clipboard", async () => {
        const { page } = await open(vendor);
        await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
        const edited = { "aliyun-ens": ["Prefix", "logs"], "huaweicloud-mpc": ["project_id", "fedcba9876543210fedcba9876543210"], "baidu-bos": ["bucketName", "my-acl-bucket"], "hitachi-vsp-one-object": ["id", "42"], "aliyun-oss": ["bucket", "my-oss-bucket"] }[vendor]!;
        await page.locator(`#param-${edited[0]}`).fill(edited[1]!);
        for (const kind of ["bare", "facade"]) {
          const code = (await page.locator(`pre[data-code=${kind}]`).textContent()) ?? "";
          expect(code, kind).toContain(edited[1]);
          expect(code, kind).not.toContain(await page.locator(`#${facts.secretField}`).inputValue());
          await page.locator(`#copy-${kind}`).click();
          // The copy is done when the panel says so (the clipboard write is asynchronous).
          const said = `Copied the ${kind === "bare" ? "bare client" : "facade"} program.`;
          await page.waitForFunction((text) => document.getElementById("try-it-copy-status")?.textContent === text, said);
          await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
        }
        await page.close();
      });

      const other = OTHER_OPERATIONS[vendor];
      if (other) {
        it(`the page of ${other.file.replace(/^.*-|\.html$/g, "")}: defaults answered 200, reachable from the vendor's first page`, async () => {
          const { page, log } = await open(vendor);
          await page.locator(`nav a[href="${other.file}"]`).click();
          await page.locator("#try-it-form").waitFor();
          await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
          await expect(page.locator("#try-it-outcome").textContent()).resolves.toBe(other.outcome);
          await expect(page.locator("#try-it-results").textContent()).resolves.toMatch(other.shows);
          expect(log.external).toEqual([]);
          expect(log.pageErrors).toEqual([]);
          await page.close();
        });
      }
    });
  }
});
