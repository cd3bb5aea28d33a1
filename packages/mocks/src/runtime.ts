// The hand-written engine the generated handlers delegate to. One request goes through:
//   record → scenarios (latency, clock skew; or a terminal fault) → spec validation → auth → vendor answer
//   → body faults → vendor headers (request id, Date) → record the response.
// It knows no vendor: it is given its adapters (src/mock.ts gives it the five of src/vendors/).
import { HttpResponse } from "msw";
import type { MockContext, MockRuntimeApi, VendorAdapter } from "./adapter.js";
import { documentedAnswer } from "./examples.js";
import { matchRoute, routesFor } from "./match.js";
import { prng } from "./state.js";
import type { MockState, Provider, RecordedCall, Reply, RequestParts, Route, Scenario, VendorSpec } from "./types.js";
import { validateRequest } from "./validation.js";
import type { MockCookieJar } from "./cookie-jar.js";
import { Redactor } from "./redact.js";

export type { MockContext, RecordedCall, Reply };

export interface MockEngineOptions {
  state: MockState;
  /** The server's base clock (epoch ms). Default `Date.now`. */
  clock?: (() => number) | undefined;
  /** One adapter per provider the engine answers for. */
  adapters: readonly VendorAdapter[];
  /** Keeps the cookies answers set and sends them back, for clients that cannot (see `MockCookieJar`). */
  cookieJar?: MockCookieJar | undefined;
}

type Outcome = Reply | "reset";

/** A hook of the caller's (the cookie jar, an adapter's requestId) that threw while the mock answered, and what it threw. */
type FailedHook = [hook: string, thrown: unknown];

/**
 * Waits `ms` (forever when it is beyond what a timer holds, e.g. Infinity: setTimeout would fire at once), or until
 * one of `signals` aborts; true when cut short.
 */
const sleep = (ms: number, signals: AbortSignal[]) =>
  new Promise<boolean>((resolve) => {
    const end = (cut: boolean) => {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener("abort", stop);
      resolve(cut);
    };
    const stop = () => end(true);
    const timer = ms <= 0x7fffffff ? setTimeout(end, ms, false) : undefined;
    for (const signal of signals) signal.addEventListener("abort", stop);
    if (signals.some((signal) => signal.aborted)) stop();
  });

export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export function parseQueryString(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(search)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** Headers as the log keeps them: credentials' values redacted (see redact.ts). */
const headersObject = (headers: Headers, redactor: Redactor): Record<string, string> => {
  const out: Record<string, string> = {};
  // Several Set-Cookie lines come out joined with ", " (what `Headers.get` gives); `getSetCookie()` on the
  // live response has them one by one.
  for (const [k, raw] of headers) {
    const v = redactor.header(k, raw);
    out[k] = k in out ? `${out[k]}, ${v}` : v;
  }
  return out;
};

/** The mock runtime without its vendors; `MockRuntime` (src/mock.ts) is this engine with the five adapters. */
export class MockEngine implements MockRuntimeApi {
  readonly state: MockState;
  readonly clock: () => number;
  /** Every call the handlers saw, oldest first (cleared by `reset()`). */
  readonly requests: RecordedCall[] = [];
  /** Per-provider mutable server state (ENS nonces, Hitachi CSRF sessions), cleared by `reset()`. */
  readonly memory = new Map<string, unknown>();
  readonly random: () => number;
  #scenarios: Scenario[] = [];
  /** The object a caller passed to `use()`, per armed copy (its counters mirror the copy's). */
  readonly #sources = new WeakMap<Scenario, Scenario>();
  /** Aborted by `reset()`: a request still waiting on a latency scenario ends instead of answering into the next test. */
  #resetting = new AbortController();
  #seq = 0;
  readonly #adapters = new Map<Provider, VendorAdapter>();
  readonly #cookieJar: MockCookieJar | undefined;
  /** The last Set-Cookie line given to the jar, per cookie name (kept across resets, as a jar without clear() keeps them). */
  readonly #stored = new Map<string, string>();
  /** Per recorded call: the credentials its log entry hides (also where the answer quotes them). */
  readonly #redactors = new WeakMap<RecordedCall, Redactor>();

  constructor(options: MockEngineOptions) {
    for (const adapter of options.adapters) {
      if (this.#adapters.has(adapter.provider)) throw new Error(`@bucketry/mocks: two adapters for provider ${adapter.provider}`);
      this.#adapters.set(adapter.provider, adapter);
    }
    this.state = options.state;
    this.clock = options.clock ?? Date.now;
    this.#cookieJar = options.cookieJar;
    this.random = prng((options.state.seed * 2654435761) >>> 0);
  }

  /** Routes (URL patterns) of one operation; used by the generated handler factories. */
  routes(spec: VendorSpec, operationId: string, baseUrls: readonly string[]): Route[] {
    return routesFor(spec, operationId, baseUrls);
  }

  /**
   * Activates scenarios; later calls take precedence over earlier ones (like MSW's `server.use`). Each call arms
   * the scenario afresh with its `times`, so one scenario object reused in several tests, or by several mocks at
   * once, applies `times` times in each; its `remaining`/`applied` show its latest activation.
   */
  use(...scenarios: Scenario[]): void {
    this.#scenarios.unshift(
      ...scenarios.map((source) => {
        source.remaining = source.times ?? source.remaining;
        source.applied = 0;
        const armed = { ...source };
        this.#sources.set(armed, source);
        return armed;
      }),
    );
  }

  /** The scenarios still active. */
  get scenarios(): readonly Scenario[] {
    return this.#scenarios.filter((s) => s.remaining > 0);
  }

  /**
   * Drops every scenario, recorded call, per-provider server state (sessions, nonces) and the cookie jar's
   * cookies (they name the sessions just dropped). The data set stays.
   */
  reset(): void {
    this.#resetting.abort();
    this.#resetting = new AbortController();
    this.#scenarios = [];
    this.requests.length = 0;
    this.memory.clear();
    this.#cookieJar?.clear?.();
  }

  /** Per-provider scratch state, created on first use. */
  remember<T>(key: string, create: () => T): T {
    let value = this.memory.get(key) as T | undefined;
    if (value === undefined) {
      value = create();
      this.memory.set(key, value);
    }
    return value;
  }

  adapter(provider: Provider): VendorAdapter {
    const adapter = this.#adapters.get(provider);
    if (!adapter) throw new Error(`@bucketry/mocks: no adapter for provider ${provider}`);
    return adapter;
  }

  async handle(route: Route, request: Request): Promise<Response> {
    return this.#guarded(route, request, (ctx) => this.#process(ctx));
  }

  /** A method the operation's path does not accept, where the spec documents a 405 (Hitachi). */
  async methodNotAllowed(route: Route, request: Request): Promise<Response> {
    return this.#guarded(route, request, (ctx) => {
      const adapter = this.adapter(route.spec.provider);
      ctx.call.issues.push({ kind: "invalid", location: "path", name: "method", message: `method ${request.method} is not allowed; use ${route.operation.method}` });
      return adapter.methodNotAllowed ? adapter.methodNotAllowed(ctx) : { status: 405, headers: new Headers({ allow: route.operation.method }), body: null };
    });
  }

  /**
   * Answers with `produce`, or — when the mock itself throws (a bug in an adapter, the engine or a test's
   * override) — with a plain 500 naming the mock and what failed. A stack trace never goes on the wire (MSW's own
   * answer to a throwing handler would carry one): it is kept, credentials redacted, in the recorded call's
   * `internalError` for the test author.
   */
  async #guarded(route: Route, request: Request, produce: (ctx: MockContext) => Outcome | Promise<Outcome>): Promise<Response> {
    this.adapter(route.spec.provider); // handlers wired to a runtime without their vendor: thrown, a setup mistake
    const failed = (err: unknown) => {
      const { name, message, stack } = err instanceof Error ? err : new Error(String(err));
      return { name, message, stack, text: `@bucketry/mocks internal error answering ${route.spec.provider} ${route.operation.operationId}: ${name}: ${message.replace(/\s*\n\s*/g, " ")}` };
    };
    let ctx: MockContext;
    let bodyUnread: unknown;
    let failedHook: FailedHook | undefined;
    try {
      ({ ctx, bodyUnread, failedHook } = await this.#context(route, request));
    } catch (err) {
      // The client left before its body was read: nothing recorded or answered, as startMockServer does.
      if (request.signal.aborted) return HttpResponse.error();
      // The engine failed before the call was recorded: the same plain 500, no stack.
      const redactor = new Redactor();
      headersObject(request.headers, redactor);
      const { status, headers, body } = reply500(redactor.text(failed(err).text));
      return new HttpResponse(body, { status, headers });
    }
    if (failedHook) return this.#internalError(ctx, failedHook[1], failedHook[0]);
    if (bodyUnread !== undefined) {
      // The client's body stream failed: a 400 naming the failure's kind only (the stream's error message is the
      // client's own text, and may hold anything). A client that gave up does not read it.
      const message = `the request body could not be read (${failed(bodyUnread).name})`;
      ctx.call.issues.push({ kind: "invalid", location: "body", name: "body", message });
      return this.#finish(ctx, { ...reply500(`@bucketry/mocks: ${message}`), status: 400 }, false);
    }
    try {
      return this.#finish(ctx, await produce(ctx));
    } catch (err) {
      return this.#internalError(ctx, err);
    }
  }

  /**
   * The mock's own 500 for what it threw, recorded on the call with the error (credentials redacted); not decorated,
   * as the adapter's decorate may be what failed. For a hook of the caller's (`hook`: the cookie jar, an adapter's
   * requestId) the answer names the error only: its message may quote the jar's cookies, which the redactor may
   * never have seen.
   */
  #internalError(ctx: MockContext, err: unknown, hook?: string): Response {
    const redactor = this.#redactors.get(ctx.call)!;
    const { name, message, stack } = err instanceof Error ? err : new Error(String(err));
    ctx.call.internalError = { name, message: redactor.text(message), stack: redactor.text(stack ?? "") };
    const what = hook ? `${name} thrown by ${hook} (message and ` : `${name}: ${message.replace(/\s*\n\s*/g, " ")} (`;
    return this.#finish(ctx, reply500(redactor.text(`@bucketry/mocks internal error answering ${ctx.spec.provider} ${ctx.operation.operationId}: ${what}stack: internalError of mock.requests seq ${ctx.call.seq})`)), false);
  }

  /**
   * The request as the handlers read it; `bodyUnread` is why its body could not be read (then it reads as empty);
   * `failedHook` is a hook of the caller's that threw, and what it threw (the call is recorded all the same).
   */
  async #context(route: Route, request: Request): Promise<{ ctx: MockContext; bodyUnread: unknown; failedHook: FailedHook | undefined }> {
    const url = new URL(request.url);
    let bodyBytes = new Uint8Array();
    let bodyUnread: unknown;
    if (request.body) {
      try {
        // In process, a client that aborts mid-body may leave its stream open for ever: its signal ends the read.
        const read = new AbortController();
        const left = sleep(Infinity, [request.signal, read.signal]).then(() => Promise.reject(request.signal.reason));
        bodyBytes = new Uint8Array(await Promise.race([left, request.clone().arrayBuffer()]).finally(() => read.abort()));
      } catch (err) {
        if (request.signal.aborted) throw err; // the client left mid-body: see #guarded
        bodyUnread = err ?? Error();
      }
    }
    const bodyText = new TextDecoder().decode(bodyBytes);
    // Copied entry by entry: on Node 20, `new Headers(request.headers)` of a request MSW intercepted keeps only the
    // Content-Type fetch filled in (a string, Blob or URLSearchParams body sent without one) and drops every header
    // the caller set (Authorization, tokens, cookies), while iterating the request's headers gives them all.
    const headers = new Headers();
    for (const [name, value] of request.headers) headers.append(name, value);
    // The log keeps names, never credentials: Authorization, tokens, cookies, signature query parameters.
    const redactor = new Redactor();
    const recordedHeaders = headersObject(headers, redactor);
    const recordedUrl = redactor.url(request.url);
    // Before the body is recorded, the redactor learns the cookies the jar was given (a jar that throws may quote
    // them unyielded) and the jar's own: a body may quote them too. A hook that throws is recorded as the mock's error.
    for (const line of this.#stored.values()) redactor.header("set-cookie", line);
    const adapter = this.adapter(route.spec.provider);
    let cookies = new Map<string, string>();
    let requestId = "";
    let hook = "cookieJar.cookies()";
    let failedHook: FailedHook | undefined;
    try {
      cookies = this.#requestCookies(url, headers, redactor);
      hook = "adapter.requestId()";
      requestId = adapter.requestId(this.random);
    } catch (err) {
      failedHook = [hook, err];
    }
    const form = /^application\/x-www-form-urlencoded\b/i.test(headers.get("content-type") ?? "");
    const call: RecordedCall = {
      seq: ++this.#seq,
      provider: route.spec.provider,
      operationId: route.operation.operationId,
      method: request.method,
      url: recordedUrl,
      headers: recordedHeaders,
      body: redactor.text(form ? redactor.query(bodyText) : bodyText),
      issues: [],
      scenarios: [],
    };
    this.#redactors.set(call, redactor);
    this.requests.push(call);
    const clock = this.clock;
    const ctx: MockContext = {
      runtime: this,
      route,
      spec: route.spec,
      operation: route.operation,
      request,
      url,
      vars: matchRoute(route, url) ?? { ...route.defaults },
      query: parseQueryString(url.search),
      headers,
      cookies,
      bodyText,
      bodyBytes,
      state: this.state,
      now() {
        return clock() + this.skewMs;
      },
      skewMs: 0,
      requestId,
      call,
    };
    return { ctx, bodyUnread, failedHook };
  }

  #matching(ctx: MockContext): Scenario[] {
    const adapter = this.adapter(ctx.spec.provider);
    return this.#scenarios.filter(
      (s) =>
        s.remaining > 0 &&
        (s.provider === "*" || s.provider === ctx.spec.provider) &&
        (s.operation !== undefined ? s.operation === ctx.operation.operationId : !adapter.auxiliaryOperations.includes(ctx.operation.operationId)),
    );
  }

  #consume(ctx: MockContext, s: Scenario): void {
    s.remaining--;
    s.applied++;
    const source = this.#sources.get(s);
    if (source) Object.assign(source, { remaining: s.remaining, applied: s.applied });
    ctx.call.scenarios.push(s.label);
  }

  async #process(ctx: MockContext): Promise<Outcome> {
    const adapter = this.adapter(ctx.spec.provider);
    const active = this.#matching(ctx);
    for (const s of active) {
      if (s.spec.kind === "latency") {
        this.#consume(ctx, s);
        // The client gave up (its signal; the server's socket closed) or the test reset the mock: no answer.
        if (await sleep(s.spec.ms, [ctx.request.signal, this.#resetting.signal])) return "reset";
      } else if (s.spec.kind === "clock-skew" && adapter.clockChecked) {
        this.#consume(ctx, s);
        ctx.skewMs += s.spec.offsetMs;
      }
    }
    const terminal = active.find((s) => s.spec.kind === "error" || s.spec.kind === "throttle" || s.spec.kind === "status" || s.spec.kind === "reset");
    if (terminal) {
      this.#consume(ctx, terminal);
      const spec = terminal.spec;
      switch (spec.kind) {
        case "reset":
          return "reset";
        case "error":
          return adapter.documentedError(ctx, spec.code);
        case "throttle":
          return adapter.throttle(ctx, spec);
        case "status":
          return adapter.serverError(ctx, spec);
      }
    }
    let reply = await this.#answer(ctx, adapter);
    const fault = active.find((s) => s.spec.kind === "body");
    if (fault && fault.spec.kind === "body") {
      this.#consume(ctx, fault);
      reply = corruptBody(reply, fault.spec.fault);
    }
    return reply;
  }

  async #answer(ctx: MockContext, adapter: VendorAdapter): Promise<Reply> {
    const parts: RequestParts = {
      path: ctx.vars,
      query: ctx.query,
      headers: ctx.headers,
      cookies: ctx.cookies,
      contentType: ctx.headers.get("content-type") ?? undefined,
      bodyText: ctx.bodyText,
    };
    const normalized = adapter.normalize ? adapter.normalize(ctx, parts) : parts;
    const issues = validateRequest(ctx.operation, normalized, { skipSecurity: true });
    ctx.call.issues.push(...issues);
    if (issues.length > 0) return adapter.invalid(ctx, issues[0]!);
    const secured = ctx.operation.security.some((requirement) => Object.keys(requirement).length > 0);
    if (secured) {
      const denied = await adapter.authenticate(ctx);
      if (denied) return denied;
    }
    if (adapter.answers !== undefined && !adapter.answers.includes(ctx.operation.operationId)) return documentedAnswer(ctx.operation, adapter.provider);
    return adapter.respond(ctx);
  }

  /**
   * The request's own cookies, then the jar's (the request's win on a clash, as its header is explicit). The jar's
   * values are credentials as a Cookie header's are: `redactor` hides them wherever the call's record quotes them.
   */
  #requestCookies(url: URL, headers: Headers, redactor: Redactor): Map<string, string> {
    const cookies = parseCookies(headers.get("cookie"));
    if (!this.#cookieJar) return cookies;
    for (const [name, value] of this.#cookieJar.cookies(url)) {
      redactor.header("cookie", `${name}=${value}`);
      if (!cookies.has(name)) cookies.set(name, value);
    }
    return cookies;
  }

  #finish(ctx: MockContext, outcome: Outcome, decorate = true): Response {
    if (outcome === "reset") {
      ctx.call.reset = true;
      return HttpResponse.error();
    }
    // The mock's own 500 is no vendor answer (and the adapter's decorate may be what failed).
    if (decorate) this.adapter(ctx.spec.provider).decorate(ctx, outcome);
    const redactor = this.#redactors.get(ctx.call) ?? new Redactor();
    // Read first, so that the redactor knows the cookies the answer sets before the jar's store() may quote them.
    const recordedHeaders = headersObject(outcome.headers, redactor);
    if (this.#cookieJar) {
      const setCookies = outcome.headers.getSetCookie();
      if (setCookies.length) {
        for (const line of setCookies) this.#stored.set(line.split("=", 1)[0]!, line);
        try {
          this.#cookieJar.store(ctx.url, setCookies);
        } catch (err) {
          return this.#internalError(ctx, err, "cookieJar.store()");
        }
      }
    }
    // An answer may quote the request's credentials (OSS's SignatureProvided, a string to sign with its token).
    ctx.call.response = { status: outcome.status, headers: recordedHeaders, body: outcome.body === null ? null : redactor.text(outcome.body) };
    for (const issue of ctx.call.issues) issue.message = redactor.text(issue.message);
    if (ctx.call.auth?.reason) ctx.call.auth.reason = redactor.text(ctx.call.auth.reason);
    const init = { status: outcome.status, headers: outcome.headers };
    const type = outcome.headers.get("content-type") ?? "";
    const body = outcome.body === null || outcome.status === 204 || outcome.status === 304 ? null : outcome.body;
    if (body !== null && /[/+]xml\b/.test(type)) return HttpResponse.xml(body, init);
    return new HttpResponse(body, init);
  }
}

const reply500 = (text: string): Reply => ({ status: 500, headers: new Headers({ "content-type": "text/plain; charset=utf-8" }), body: text });

const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>Service temporarily unavailable</h1><p>Please try again later.</p></body></html>";

/** Applies a body fault to an answer. */
export function corruptBody(reply: Reply, fault: string): Reply {
  const headers = new Headers(reply.headers);
  headers.delete("content-length");
  const type = headers.get("content-type") ?? "";
  const xml = /xml/.test(type);
  const body = reply.body ?? "";
  switch (fault) {
    case "truncated":
      return { status: reply.status, headers, body: body.slice(0, Math.max(1, Math.floor(body.length / 2))) };
    case "malformed":
      return {
        status: reply.status,
        headers,
        body: xml ? '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy><Owner><ID>1</ID></AccessControlPolicy>' : '{"RequestId": "mock",, "items": [}',
      };
    case "invalid":
      return { status: reply.status, headers, body: xml ? '<?xml version="1.0" encoding="UTF-8"?>\n<Unexpected><Reason>not the documented shape</Reason></Unexpected>' : '"not the documented shape"' };
    case "empty":
      return { status: reply.status, headers, body: "" };
    case "wrong-content-type":
      headers.set("content-type", "text/html; charset=utf-8");
      return { status: 200, headers, body: HTML_PAGE };
    default:
      throw new Error(`unknown body fault ${fault}`);
  }
}
