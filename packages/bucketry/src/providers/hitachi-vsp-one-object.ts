// Hitachi VSP One Object: POST /v1/user/list_buckets, paged by pageToken/count, behind a bearer token and
// a CSRF session. Older releases (HCP for cloud scale 2.x, VSP One Object 3.0.x) answer a bare array of at most
// `count` buckets and page with `startingAfter` (the last bucket name).
import { createClient, type HitachiClient, type UserBucket } from "@bucketry/hitachi-vsp-one-object";
import { HitachiSessionError, hitachiSession, type HitachiCredentials } from "@bucketry/signing/hitachi-session";
import { setCookiePairs } from "#set-cookies";

export type { HitachiCredentials };
import type { EnvNames } from "../credentials.js";
import { describeHitachiCredentials, hitachiCredentials } from "../credentials/hitachi.js";
import { marked } from "../credentials/checks.js";
import { providerError, type BucketryError, type ErrorKind } from "../errors.js";
import { errorShaped, foreignWithoutResult, isObject, isRetryableAnswer, malformed, parseJsonBody, retryAfterMs, statusKind, str, type ErrorProfile } from "../http.js";
import type { Bucket } from "../model.js";
import type { BucketPage, CommonOptions, ListBucketsOptions, ListingClient, PageOptions } from "../options.js";
import { eachPage, namePrefix } from "../pagination.js";
import { entryFunction, firstNonBlank, flagOrVariable, type PageLimits, type ProviderModule } from "../provider.js";
import { execute } from "../runtime.js";
import { applyTable, idString, text, type DroppedField, type FieldTable } from "./mapping.js";
import { callContext, generated, checkEndpoint, checkPageSize, clientState, configError, quoted, normalizeReporting } from "./common.js";

export interface HitachiOptions extends CommonOptions {
  provider: "hitachi-vsp-one-object";
  /** The management API base including `/mapi`, e.g. `https://admin.region1.cluster1/mapi`. */
  endpoint: string;
  /** A token, a password grant, or a function. Omitted: VSP_ONE_OBJECT_TOKEN, VSP_ONE_OBJECT_TOKEN_FILE (re-read when it changes), or VSP_ONE_OBJECT_USERNAME/_PASSWORD/_TOKEN_URL. */
  credentials?: HitachiCredentials | undefined;
  /**
   * Which management API the cluster speaks. "auto" (default): the form of each answer decides — an object
   * (`{ buckets, pageToken }`) is the 3.3.x API; a bare array is the older one, continued with
   * `startingAfter` while an answer holds `count` buckets. "3.3": `pageToken` paging. "3.0": the older API
   * (HCP for cloud scale 2.x and VSP One Object 3.0.x), `startingAfter` paging from the first call (a cursor
   * is then a bucket name to start after). A pinned version the cluster's answer contradicts fails with a
   * Configuration error once a page needs a next one.
   */
  apiVersion?: "auto" | "3.3" | "3.0" | undefined;
}

export interface HitachiListBucketsOptions extends ListBucketsOptions {
  /** The user whose buckets to list: a number (3.3.x) or a UUID string (2.x / 3.0). */
  userId: number | string;
}

/** A Hitachi VSP One Object client: `listBuckets({ userId })` and `listBucketsPage`. */
export type HitachiVspOneObjectClient = ListingClient<"hitachi-vsp-one-object", HitachiListBucketsOptions>;

declare module "../model.js" {
  interface RawBucketRecords {
    "hitachi-vsp-one-object": UserBucket;
  }
}
declare module "../options.js" {
  interface RawClients {
    "hitachi-vsp-one-object": HitachiClient;
  }
}

// Hitachi has no SDK and so no convention; these follow the product name.
const env: EnvNames = {
  token: "VSP_ONE_OBJECT_TOKEN",
  tokenFile: "VSP_ONE_OBJECT_TOKEN_FILE",
  username: "VSP_ONE_OBJECT_USERNAME",
  password: "VSP_ONE_OBJECT_PASSWORD",
  tokenUrl: "VSP_ONE_OBJECT_TOKEN_URL",
  clientId: "VSP_ONE_OBJECT_CLIENT_ID",
  clientSecret: "VSP_ONE_OBJECT_CLIENT_SECRET",
  realm: "VSP_ONE_OBJECT_REALM",
  scope: "VSP_ONE_OBJECT_SCOPE",
};

/** `count`: 1..1000, and the facade asks for full pages. */
const pageLimits: PageLimits = { max: 1000, default: 1000, serverPrefix: false, cursorName: "pageToken" };

export const hitachiErrors: ErrorProfile = {
  provider: "hitachi-vsp-one-object",
  requestIdHeaders: [], // Hitachi documents no request-id header.
  codeKinds: {},
  readError(body, redact = (text: string) => text) {
    // The page's error body: code, message and details (often the only field that says what to change).
    if (isObject(body)) {
      const parts = [str(body.message), str(body.details)].filter((part, i, all): part is string => !!part && all.indexOf(part) === i);
      return { code: str(body.code), message: parts.length ? parts.join(": ") : undefined };
    }
    // Plain text is the MAPI's (Vert.x answers some errors so); an HTML page is a proxy's, not a vendor message.
    // Redacted before it is cut to 200 characters (a token cut in half would not be recognized); the first
    // 8 KiB bound the redaction's work on a huge error page, far more than the 200 kept.
    if (typeof body === "string" && body.trim() && !/^\s*</.test(body)) return { message: redact(body.trim().slice(0, 8192)).slice(0, 200) };
    return {};
  },
};

/** UserBucket → Bucket: the numeric (3.3) or UUID (2.x) bucketId becomes the string `id`. */
export const hitachiBucketFields = {
  name: { from: "bucketName", required: true, via: text },
  id: { from: "bucketId", via: idString },
} satisfies FieldTable<UserBucket>;

/** UserBucket → Bucket; an optional field that cannot be read is left out and handed to `onDrop`. */
export function normalizeHitachiBucket(raw: UserBucket, onDrop?: (dropped: DroppedField) => void): Bucket<"hitachi-vsp-one-object"> {
  return { provider: "hitachi-vsp-one-object", ...(applyTable(raw, hitachiBucketFields, onDrop) as { name: string }), raw };
}

/**
 * Cursor of the older API: the bucket name to start after, marked so it cannot pass for a 3.3 pageToken
 * (base64 JSON, which never holds a colon).
 */
const STARTING_AFTER = "startingAfter:";

function readPage(body: unknown): { items: UserBucket[]; next: string | undefined; bare?: true } {
  if (Array.isArray(body)) return { items: body as UserBucket[], next: undefined, bare: true };
  if (!isObject(body)) throw new TypeError("body is neither a bucket list nor an object");
  const error = errorShaped(hitachiErrors, body, "buckets") ?? foreignWithoutResult(body, "buckets", ["pageToken"]);
  if (error) throw new TypeError(error);
  const items = body.buckets ?? [];
  if (!Array.isArray(items)) throw new TypeError("buckets is not an array");
  const token = body.pageToken;
  if (token !== undefined && token !== null && typeof token !== "string") throw new TypeError("pageToken is not a string");
  return { items: items as UserBucket[], next: token ? token : undefined };
}

/** The URL the password grant posts to, as a Request spells it; undefined for a token or a function. */
function passwordGrantUrl(credentials: HitachiCredentials): string | undefined {
  const tokenUrl = typeof credentials === "object" && credentials !== null && "tokenUrl" in credentials ? credentials.tokenUrl : undefined;
  if (typeof tokenUrl !== "string") return undefined;
  try {
    return new URL(tokenUrl).href;
  } catch {
    return undefined; // the session refuses it, saying why
  }
}

export function createHitachiBucketClient(options: HitachiOptions): HitachiVspOneObjectClient {
  if (!options.endpoint) throw configError("hitachi-vsp-one-object", "`endpoint` is required: the management API base, e.g. https://admin.region1.cluster1/mapi");
  const endpoint = checkEndpoint("hitachi-vsp-one-object", options.endpoint);
  const apiVersion = options.apiVersion ?? "auto";
  if (apiVersion !== "auto" && apiVersion !== "3.3" && apiVersion !== "3.0") throw configError("hitachi-vsp-one-object", `apiVersion must be "auto", "3.3" or "3.0", got ${quoted(apiVersion)}`);
  const state = clientState(hitachiErrors, options);
  const credentials = hitachiCredentials(env, options.credentials, undefined, (...v) => state.secrets.add(...v));
  // Redirects are not followed (the transport refuses them whatever the Request says): said here too, so the session
  // leaves a 3xx to the facade's own error and sends the client's Request as it is.
  const raw: HitachiClient = generated("hitachi-vsp-one-object", () => createClient({ baseUrl: endpoint, fetch: state.fetch, redirect: "manual" }));
  // The session's own requests (CSRF GET, token grant) go through the same transport; the cookie values they
  // set (XSRF-TOKEN, the session id) are remembered so errors can redact them too.
  const grantUrl = passwordGrantUrl(credentials);
  const rememberingCookies =
    (send: (request: Request) => Promise<Response>) =>
    async (request: Request): Promise<Response> => {
      // The XSRF token the session sends: in a browser, where no Set-Cookie is visible, the only place to learn it.
      // Kept as the XSRF-TOKEN cookie's value (the current one, and those it replaced), so a token rotated on every
      // answer does not push other secrets out.
      const xsrf = request.headers.get("x-xsrf-token");
      if (xsrf) state.secrets.addCookie("XSRF-TOKEN", xsrf);
      const response = await send(request);
      for (const [name, value] of setCookiePairs(response.headers)) state.secrets.addCookie(name, value);
      // The password grant's answer (wherever its tokenUrl is, the MAPI base included): remember the access token it issues.
      if (request.method === "POST" && request.url === grantUrl && response.ok) {
        await response
          .clone()
          .json()
          .then((body: unknown) => state.secrets.add((body as { access_token?: unknown } | null)?.access_token))
          .catch(() => undefined);
      }
      return response;
    };
  // On a 401 the session drops the token and CSRF state the request used and returns the 401; the call's
  // retry loop then makes one more attempt (`authExpired`), under the call's signal, timeout and deadline.
  try {
    raw.use(hitachiSession({ baseUrl: endpoint, credentials, fetch: rememberingCookies(state.fetch), clock: state.clock.now, replayUnauthorized: false }));
  } catch (err) {
    // Credential settings the session refuses up front (a tokenUrl that is not a URL): a Configuration error
    // about credentials, as the other credential checks make them.
    if (err instanceof HitachiSessionError) throw marked(configError("hitachi-vsp-one-object", err.message));
    throw err;
  }

  const contradicted = (older: boolean) =>
    configError("hitachi-vsp-one-object", `apiVersion "${apiVersion}" contradicts the cluster, which answered in the ${older ? "older form (a bare array)" : "3.3 form (a pageToken)"}: use "auto" or "${older ? "3.0" : "3.3"}"`);

  /** One page as the server sent it: `prefix` is applied by the callers (the MAPI takes none). */
  async function serverPage(opts: HitachiListBucketsOptions & PageOptions): Promise<BucketPage<"hitachi-vsp-one-object">> {
    const userId = opts?.userId;
    if ((typeof userId !== "number" || !Number.isSafeInteger(userId)) && (typeof userId !== "string" || userId.trim() === "")) {
      const given = userId === undefined || userId === null || (typeof userId === "string" && userId.trim() === "") ? "" : `; got ${typeof userId === "number" ? String(userId) : typeof userId}`;
      throw configError("hitachi-vsp-one-object", `\`userId\` is required: the user's numeric id (3.3.x, a whole number) or UUID (2.x)${given}`);
    }
    const count = checkPageSize("hitachi-vsp-one-object", opts.pageSize, pageLimits.max, pageLimits.default);
    if (opts.cursor !== undefined && typeof opts.cursor !== "string") throw configError("hitachi-vsp-one-object", `cursor must be a page's nextCursor (a string), got ${quoted(opts.cursor)}`);
    const cursor = opts.cursor || undefined;
    // The older API's cursor (ours, or a bucket name with apiVersion "3.0") goes out as startingAfter.
    const startingAfter = cursor === undefined || apiVersion === "3.3" ? undefined : cursor.startsWith(STARTING_AFTER) ? cursor.slice(STARTING_AFTER.length) : apiVersion === "3.0" ? cursor : undefined;
    // Sent as it was checked: " 0 " passed the check trimmed and went out with its spaces.
    const body = { id: typeof userId === "string" ? userId.trim() : userId, count, ...(startingAfter !== undefined ? { startingAfter } : cursor !== undefined ? { pageToken: cursor } : {}) };
    return execute(
      { ...callContext(state, opts), authExpired: sessionExpired },
      async (signal) => {
        try {
          // The signal rides on the Request too: the session's token grant and CSRF GET wait under it, and one
          // that every attempt gave up on is aborted rather than handed to the next attempt.
          return await raw.POST("/v1/user/list_buckets", { body, parseAs: "text", signal, fetch: rememberingCookies(state.send(signal)) });
        } catch (err) {
          if (err instanceof HitachiSessionError) throw sessionError(err, state.clock.now());
          throw err;
        }
      },
      ({ response, data }) => {
        const parsed = parseJsonBody(hitachiErrors, response, data);
        let page: ReturnType<typeof readPage>;
        let buckets: Bucket<"hitachi-vsp-one-object">[];
        try {
          page = readPage(parsed);
          buckets = page.items.map((item) => normalizeReporting(state, (onDrop) => normalizeHitachiBucket(item, onDrop), (b) => b.name));
        } catch (err) {
          throw malformed(hitachiErrors, response, (err as Error).message, err);
        }
        // A setting that contradicts the cluster cannot continue the listing: the next page would go out in the
        // other API's form and come back as an error or a repeat that says nothing about the setting.
        if (apiVersion === "3.0" && !page.bare && page.next !== undefined) {
          throw contradicted(false);
        }
        if (page.next !== undefined && page.next === opts.cursor) {
          // A server that hands back the token it was given would make iteration loop forever.
          throw malformed(hitachiErrors, response, "the server returned the same pageToken it was sent; stopping instead of looping");
        }
        if (page.bare) {
          // The older API: an answer with `count` buckets may have more after its last one.
          const last = buckets.at(-1)?.name;
          if (last !== undefined && page.items.length >= count) {
            if (apiVersion === "3.3") {
              throw contradicted(true);
            }
            if (last === startingAfter) throw malformed(hitachiErrors, response, "the server answered with the bucket it was asked to start after; stopping instead of looping");
            page.next = `${STARTING_AFTER}${last}`;
          }
        }
        return page.next ? { buckets, nextCursor: page.next } : { buckets };
      },
    );
  }

  async function listBucketsPage(opts: HitachiListBucketsOptions & PageOptions): Promise<BucketPage<"hitachi-vsp-one-object">> {
    const page = await serverPage(opts);
    const keep = namePrefix<Bucket<"hitachi-vsp-one-object">>(opts?.prefix);
    return keep ? { ...page, buckets: page.buckets.filter(keep) } : page;
  }

  return {
    provider: "hitachi-vsp-one-object",
    raw,
    listBucketsPage,
    // The repeat checks read the pages as the server sent them: filtered first, a server that ignores the
    // pageToken would look like one answering empty pages, and be asked again forever.
    listBuckets: (opts) => eachPage("hitachi-vsp-one-object", (cursor) => serverPage({ ...opts, cursor }), opts?.signal, pageLimits.cursorName, namePrefix(opts?.prefix)),
  };
}

/**
 * A 401 from the MAPI itself: the session has dropped the token and CSRF state the request used (Hitachi
 * documents no code that tells an expired session from bad credentials; one fresh handshake decides). A
 * failed token grant or handshake is not one of these: it is thrown, not answered.
 */
const sessionExpired = (error: BucketryError): boolean => error.status === 401;

/**
 * Token/CSRF handshake failures as BucketryErrors (their messages never carry secrets). A refused grant
 * (400/401/403) is InvalidCredentials; a token URL that is no token endpoint (404, 405) is a credentials
 * Configuration error naming where it is set; a 2xx without the token or cookie is MalformedResponse; any other
 * status is classed as a MAPI answer would be (404 NotFound, 429 Throttled, 503 Unavailable, a redirect
 * Configuration), retryable by kind, honouring the response's Retry-After.
 */
function sessionError(err: HitachiSessionError, now: number): BucketryError {
  const status = err.status;
  const wrongTokenUrl = err.stage === "token" && (status === 404 || status === 405);
  const kind: ErrorKind =
    err.stage === "credentials" || wrongTokenUrl ? "Configuration"
    : status === undefined ? "Network"
    : status === 400 || status === 401 || status === 403 ? "InvalidCredentials"
    : status >= 200 && status < 300 ? "MalformedResponse"
    : statusKind(status);
  const wait = err.retryAfter === undefined ? undefined : retryAfterMs(new Headers({ "retry-after": err.retryAfter }), now);
  // The session's messages start with the middleware's name, which a facade user never wrote.
  const message = err.message.replace(/^hitachiSession: /, "") + (wrongTokenUrl ? `: check the token URL (tokenUrl, or ${env.tokenUrl})` : "");
  // A refused handshake's body: the MAPI's code and message, as a refused call's are read.
  const vendor = err.body === undefined ? {} : hitachiErrors.readError(err.body);
  // Status 0: a browser's hidden redirect, which has none to report.
  const error = providerError("hitachi-vsp-one-object", kind, message + (vendor.message ? ` (${vendor.code ? `${vendor.code}: ` : ""}${vendor.message})` : ""), {
    status: status || undefined,
    code: vendor.code,
    vendorMessage: vendor.message,
    retryable: isRetryableAnswer(kind, status),
    retryAfterMs: wait,
    cause: err,
  });
  return err.stage === "credentials" || wrongTokenUrl ? marked(error) : error;
}

/** `bucketry/hitachi-vsp-one-object`: a Hitachi client, as `createBucketClient({ provider: "hitachi-vsp-one-object", … })` makes it. */
export const createBucketClient = entryFunction("hitachi-vsp-one-object", createHitachiBucketClient, ["credentials", "apiVersion"]);

export const providerModule: ProviderModule<"hitachi-vsp-one-object", HitachiOptions, HitachiVspOneObjectClient> = {
  id: "hitachi-vsp-one-object",
  vendor: "Hitachi VSP One Object",
  operation: "listBuckets",
  operations: ["POST /v1/user/list_buckets", "GET /v1/csrf"],
  auth: ["bearer token + CSRF session", "password grant"],
  requiredOptions: ["endpoint"],
  env,
  errors: hitachiErrors,
  pageLimits,
  create: createHitachiBucketClient,
  cli: {
    label: "Hitachi",
    signatureVersions: [],
    signsNoRequest: "bearer token and CSRF session",
    required: ["--endpoint", "--user-id"],
    flags: {
      "user-id": { placeholder: "N", help: "the user whose buckets to list (number or UUID)", call: true },
      "api-version": { placeholder: "V", help: 'management API: auto (default: the answer decides), 3.3 (pageToken) or 3.0 (2.x/3.0: startingAfter)' },
    },
    env: ["USER_ID", "TOKEN", "API_VERSION"],
    examples: ["bucketry list-buckets --provider hitachi-vsp-one-object --endpoint https://admin.example.com/mapi --user-id 0"],
    profileExample: { endpoint: "https://admin.example.com/mapi", token: "…", userId: 0 },
    profileFields: ["token", "username", "password", "tokenUrl", "clientId", "clientSecret", "realm", "scope", "userId"],
    profileKeys: 'Hitachi "username", "password", "tokenUrl", "clientId", "clientSecret", "realm", "scope" (password grant)',
    options(ctx) {
      if (!ctx.endpoint) return ctx.usage(`hitachi-vsp-one-object needs --endpoint (the MAPI base, e.g. https://admin.example.com/mapi; or ${ctx.prefix}_ENDPOINT)`);
      const { entry } = ctx;
      let credentials: HitachiCredentials | undefined;
      const token = firstNonBlank(entry.token) ?? (entry.username === undefined ? firstNonBlank(ctx.env[`${ctx.prefix}_TOKEN`]) : undefined);
      if (token) credentials = { token };
      else if (entry.username !== undefined || entry.password !== undefined || entry.tokenUrl !== undefined) {
        const { clientId, clientSecret, realm, scope } = entry;
        credentials = { username: entry.username ?? "", password: entry.password ?? "", tokenUrl: entry.tokenUrl ?? "", ...(clientId && { clientId }), ...(clientSecret && { clientSecret }), ...(realm && { realm }), ...(scope && { scope }) };
      }
      const given = flagOrVariable(ctx, "api-version", "API_VERSION");
      const apiVersion = given?.value;
      if (apiVersion !== undefined && apiVersion !== "auto" && apiVersion !== "3.3" && apiVersion !== "3.0") return ctx.usage(`${given!.from} must be auto, 3.3 or 3.0, got ${apiVersion}`);
      return { provider: "hitachi-vsp-one-object", ...ctx.common, endpoint: ctx.endpoint, ...(credentials ? { credentials } : {}), ...(apiVersion ? { apiVersion } : {}) };
    },
    callOptions(ctx) {
      const raw = ctx.flags["user-id"] ?? (ctx.entry.userId !== undefined ? String(ctx.entry.userId) : undefined) ?? ctx.env[`${ctx.prefix}_USER_ID`];
      if (raw === undefined || raw.trim() === "") return ctx.usage(`hitachi-vsp-one-object needs --user-id (a number, or a UUID on 2.x/3.0; or ${ctx.prefix}_USER_ID)`);
      const id = raw.trim();
      // The 3.3 page types `id` as an integer, and user ids can be negative (-12423334 in Hitachi's Ansible
      // collection): only a UUID (2.x/3.0) is sent as a string.
      if (!/^-?\d+$/.test(id)) return { userId: id };
      // Past 2^53 a number is rounded: another user's id would be sent.
      if (!Number.isSafeInteger(Number(id))) {
        return ctx.usage(id.startsWith("-") ? `--user-id ${id} is smaller than an id can be (at least ${Number.MIN_SAFE_INTEGER})` : `--user-id ${id} is larger than an id can be (at most ${Number.MAX_SAFE_INTEGER})`);
      }
      return { userId: Number(id) };
    },
    credentialChain: ["VSP_ONE_OBJECT_TOKEN", "VSP_ONE_OBJECT_TOKEN_FILE", "password grant (VSP_ONE_OBJECT_USERNAME/_PASSWORD/_TOKEN_URL)"],
    describeCredentials: (options, environment) => describeHitachiCredentials(env, options.credentials, environment),
    mockEnv(mock) {
      const user = (mock.state as { hitachiUsers?: readonly number[] }).hitachiUsers?.[0];
      return [
        { vendor: env.token, cli: "TOKEN", value: (mock.credentials as { token: string }).token },
        ...(user !== undefined ? [{ cli: "USER_ID", value: String(user) }] : []),
      ];
    },
    mockNote: (mock) => `Hitachi users: ${((mock.state as { hitachiUsers?: readonly number[] }).hitachiUsers ?? []).join(", ")}`,
    mockCallOptions: (mock) => ({ userId: (mock.state as { hitachiUsers?: readonly number[] }).hitachiUsers?.[0] ?? 0 }),
  },
  docs: {
    record: "UserBucket",
    fields: hitachiBucketFields,
    pagination: { ListUserBuckets: "page token (pageToken/count)" },
    sample: { options: { endpoint: "https://admin.region1.cluster1/mapi" }, argument: { userId: 0 } },
  },
};
