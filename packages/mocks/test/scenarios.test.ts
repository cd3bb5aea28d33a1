// Every scenario kind, as the wire shows it: requests signed with @bucketry/signing, answers read raw. How the
// facade meets the same scenarios is tested in test/contract/scenarios.test.ts.
import { signAcs3, signBceV1, signOssV4, signSdkHmacSha256 } from "@bucketry/signing";
import { getResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { createMock, errorCodes, scenario, testAccount, testCredentials, validateRecordedResponse, type Provider } from "../src/index.js";
import { send, sign, useMock } from "./helpers.js";

const mock = useMock({ buckets: 120 });
const bucket = () => mock.state.buckets[0]!.name;
const HITACHI = "https://admin.region1.cluster1/mapi";

type Clock = () => number;
type Call = (clock?: Clock) => ReturnType<typeof send>;
/** One correctly signed call per provider with a case here (Hitachi: CSRF handshake, then the listing). */
const call = {
  "aliyun-ens": async (clock?: Clock) =>
    send(
      await sign({ method: "POST", url: "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON&PageSize=10" }, (r) =>
        signAcs3(r, { credentials: testCredentials["aliyun-ens"], ...(clock ? { clock } : {}) }),
      ),
    ),
  "huaweicloud-mpc": async (clock?: Clock) =>
    send(
      await sign({ method: "GET", url: `https://mpc.cn-north-4.myhuaweicloud.com/v1/${testAccount.mpcProjectId}/buckets` }, (r) =>
        signSdkHmacSha256(r, { credentials: testCredentials["huaweicloud-mpc"], projectId: testAccount.mpcProjectId, ...(clock ? { clock } : {}) }),
      ),
    ),
  "baidu-bos": async (clock?: Clock) =>
    send(await sign({ method: "GET", url: `https://${bucket()}.bj.bcebos.com/?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"], ...(clock ? { clock } : {}) }))),
  "hitachi-vsp-one-object": async () => {
    const csrf = await fetch(`${HITACHI}/v1/csrf`);
    const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
    const xsrf = cookies.find((c) => c.startsWith("XSRF-TOKEN="))?.slice("XSRF-TOKEN=".length) ?? "";
    return send({
      method: "POST",
      url: `${HITACHI}/v1/user/list_buckets`,
      headers: { authorization: `Bearer ${testCredentials["hitachi-vsp-one-object"].token}`, "x-xsrf-token": xsrf, cookie: cookies.join("; "), "content-type": "application/json" },
      body: JSON.stringify({ id: 0, count: 5 }),
    });
  },
  "aliyun-oss": async (clock?: Clock) =>
    send(
      await sign({ method: "GET", url: `https://${bucket()}.oss-cn-hangzhou.aliyuncs.com/?acl` }, (r) =>
        signOssV4(r, { credentials: testCredentials["aliyun-oss"], region: "cn-hangzhou", ...(clock ? { clock } : {}) }),
      ),
    ),
} satisfies Partial<Record<Provider, Call>>;
const PROVIDERS = Object.keys(call) as (keyof typeof call)[];
const xmlCode = (text: string) => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];

describe("scenario.error", () => {
  it("applies once by default, then the vendor answers normally; each call records the scenarios applied", async () => {
    const s = scenario.error("aliyun-oss", "AccessDenied");
    mock.use(s);
    const denied = await call["aliyun-oss"]();
    expect([denied.status, xmlCode(denied.text)]).toEqual([403, "AccessDenied"]);
    expect(denied.text).toContain(`<RequestId>${denied.headers.get("x-oss-request-id")}</RequestId>`);
    expect((await call["aliyun-oss"]()).status).toBe(200);
    expect(mock.requests.map((c) => c.scenarios)).toEqual([["error(AccessDenied) @ aliyun-oss"], []]);
    expect([s.applied, s.remaining, mock.runtime.scenarios.length]).toEqual([1, 0, 0]);
  });

  it("one scenario object reused in the next test, or by another mock at the same time, applies its times in each", async () => {
    const unavailable = scenario.status("baidu-bos", 503);
    mock.use(unavailable);
    expect([(await call["baidu-bos"]()).status, (await call["baidu-bos"]()).status]).toEqual([503, 200]);
    mock.reset(); // the next test
    mock.use(unavailable);
    const other = createMock({ state: mock.state });
    other.use(unavailable);
    expect((await call["baidu-bos"]()).status).toBe(503);
    const signed = await sign({ method: "GET", url: `https://${bucket()}.bj.bcebos.com/?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] }));
    const viaOther = async () => (await getResponse(other.handlers, new Request(signed.url, { headers: signed.headers })))?.status;
    expect([await viaOther(), await viaOther()]).toEqual([503, 200]);
    expect([unavailable.applied, unavailable.remaining]).toEqual([1, 0]);
  });

  it("{ times: 2 } fails twice, then the third call succeeds", async () => {
    mock.use(scenario.error("aliyun-ens", "Throttling.User", { times: 2 }));
    const answers = [await call["aliyun-ens"](), await call["aliyun-ens"](), await call["aliyun-ens"]()];
    expect(answers.map((a) => [a.status, a.json().Code])).toEqual([[429, "Throttling.User"], [429, "Throttling.User"], [200, undefined]]);
  });

  it.each([1.5, 0, -1, Number.NaN, -Infinity])("{ times: %s } is refused with a RangeError saying what to pass, by every builder", (times) => {
    const expected = `scenario: times must be a whole number of requests, 1 or more (got ${String(times)}); for every request pass { always: true }`;
    const builders = [
      () => scenario.error("aliyun-ens", "Throttling.User", { times }),
      () => scenario.throttle("*", { times }),
      () => scenario.status("*", 503, { times }),
      () => scenario.clockSkew("aliyun-oss", 3_600_000, { times }),
      () => scenario.latency("*", 10, { times }),
      () => scenario.body("*", "empty", { times }),
      () => scenario.reset("*", { times }),
    ];
    for (const build of builders) {
      expect(build).toThrow(RangeError);
      expect(build).toThrow(expected);
    }
  });

  it("{ times: Infinity } and { always: true } are both accepted as every request", () => {
    expect(scenario.reset("*", { times: Infinity }).times).toBe(Infinity);
    expect(scenario.reset("*", { always: true }).times).toBe(Infinity);
  });

  it("{ always: true } keeps failing; reset() clears it", async () => {
    mock.use(scenario.error("baidu-bos", "NoSuchBucket", { always: true }));
    for (let i = 0; i < 3; i++) expect((await call["baidu-bos"]()).json().code).toBe("NoSuchBucket");
    mock.reset();
    expect((await call["baidu-bos"]()).status).toBe(200);
  });

  it("the scenario used last takes precedence", async () => {
    mock.use(scenario.error("baidu-bos", "NoSuchBucket"), scenario.error("baidu-bos", "AccessDenied"));
    mock.use(scenario.status("baidu-bos", 503));
    expect((await call["baidu-bos"]()).status).toBe(503);
    expect((await call["baidu-bos"]()).json().code).toBe("NoSuchBucket");
    expect((await call["baidu-bos"]()).json().code).toBe("AccessDenied");
    expect((await call["baidu-bos"]()).status).toBe(200);
  });

  it("lists documented codes and rejects unknown ones", () => {
    expect(errorCodes("hitachi-vsp-one-object")).toEqual(["400", "401", "404", "405"]);
    // MPC's 400 has a schema but no example (and no code): it is listed by status.
    expect(errorCodes("huaweicloud-mpc")).toEqual(["400", "APIGW.0301", "APIGW.0303", "APIGW.0305", "APIGW.0307", "MPC.10208", "APIGW.0302", "APIGW.0304", "APIGW.0306", "APIGW.0308"]);
    expect(() => scenario.error("aliyun-oss", "NoSuchKey")).toThrow(/documents no error "NoSuchKey"; documented: InvalidBucketName, InvalidArgument/);
  });

  it("skips auth handshakes unless targeted with { operation }", async () => {
    mock.use(scenario.status("hitachi-vsp-one-object", 503, { operation: "GetCsrfToken" }));
    const first = await fetch(`${HITACHI}/v1/csrf`);
    expect(first.status).toBe(503);
    await first.text();
    expect((await fetch(`${HITACHI}/v1/csrf`)).status).toBe(200);
    mock.use(scenario.status("hitachi-vsp-one-object", 503));
    expect((await call["hitachi-vsp-one-object"]()).status).toBe(503);
    expect(mock.requests.map((c) => `${c.operationId} ${c.response?.status}`)).toEqual(["GetCsrfToken 503", "GetCsrfToken 200", "GetCsrfToken 200", "ListUserBuckets 503"]);
  });
});

describe("scenario.throttle", () => {
  it("each vendor's throttling answer and its retry hint (ENS in ms, the others in s)", async () => {
    mock.use(scenario.throttle("*", { retryAfterMs: 1500, times: 5 }));
    const ens = await call["aliyun-ens"]();
    expect([ens.status, ens.json().Code, ens.headers.get("x-acs-retry-after")]).toEqual([429, "Throttling.User", "1500"]);
    const mpc = await call["huaweicloud-mpc"]();
    expect([mpc.status, mpc.json().error_code, mpc.headers.get("retry-after")]).toEqual([429, "APIGW.0308", "2"]);
    const bos = await call["baidu-bos"]();
    expect([bos.status, bos.json().code, bos.headers.get("retry-after")]).toEqual([429, "RequestRateLimitExceeded", "2"]);
    const hitachi = await call["hitachi-vsp-one-object"]();
    expect([hitachi.status, hitachi.json().code, hitachi.headers.get("retry-after")]).toEqual([429, "TooManyRequests", "2"]);
    const oss = await call["aliyun-oss"]();
    expect([oss.status, xmlCode(oss.text), oss.headers.get("retry-after"), oss.headers.get("x-oss-ec")]).toEqual([503, "SlowDown", "2", "0004-00000302"]);
  });
});

describe("scenario.status", () => {
  it.each([500, 503] as const)("%i on every provider, in the vendor's error shape", async (status) => {
    mock.use(scenario.status("*", status, { times: 5 }));
    const answers = await Promise.all(PROVIDERS.map((p) => call[p]()));
    expect(answers.map((a) => a.status)).toEqual(PROVIDERS.map(() => status));
    const [ens, mpc, bos, hitachi, oss] = answers as [Awaited<ReturnType<typeof send>>, ...Awaited<ReturnType<typeof send>>[]];
    expect([ens.json().Code, mpc!.json().error_code, bos!.json().code, hitachi!.json().code, xmlCode(oss!.text)]).toEqual(
      status === 500
        ? ["InternalError", "InternalServerError", "InternalError", "InternalServerError", "InternalError"]
        : ["ServiceUnavailable", "ServiceUnavailable", "ServiceUnavailable", "ServiceUnavailable", "ServiceUnavailable"],
    );
  });

  it("502 is a proxy's HTML page on every provider", async () => {
    mock.use(scenario.status("*", 502, { times: 5 }));
    for (const p of PROVIDERS) {
      const r = await call[p]();
      expect([p, r.status, r.headers.get("content-type")]).toEqual([p, 502, "text/html"]);
      expect(r.text).toContain("<h1>502 Bad Gateway</h1>");
    }
  });
});

describe("scenario.clockSkew", () => {
  const skewError: Array<[keyof typeof call, number, (r: Awaited<ReturnType<typeof send>>) => unknown, string]> = [
    ["aliyun-oss", 403, (r) => xmlCode(r.text), "RequestTimeTooSkewed"],
    ["aliyun-ens", 400, (r) => r.json().Code, "InvalidTimeStamp.Expired"],
    ["huaweicloud-mpc", 401, (r) => r.json().error_code, "APIGW.0303"],
    ["baidu-bos", 400, (r) => r.json().code, "RequestExpired"],
  ];
  it.each(skewError)("%s: the skew error with the server's Date; a request signed on the server's clock passes", async (provider, status, code, expected) => {
    const offset = 3_600_000;
    mock.use(scenario.clockSkew(provider, offset, { always: true }));
    const before = Date.now();
    const skewed = await call[provider]();
    expect([skewed.status, code(skewed)]).toEqual([status, expected]);
    const serverDate = Date.parse(skewed.headers.get("date")!);
    expect(serverDate - before).toBeGreaterThan(offset - 60_000);
    const learned = serverDate - before;
    expect((await call[provider](() => Date.now() + learned)).status).toBe(200);
  });

  it("is refused for Hitachi, which checks no request time", () => {
    expect(() => scenario.clockSkew("hitachi-vsp-one-object")).toThrow(/Hitachi/);
  });
});

describe("scenario.latency", () => {
  it("delays the normal answer (recorded on the call) and rejects a negative delay", async () => {
    mock.use(scenario.latency("baidu-bos", 20));
    expect((await call["baidu-bos"]()).status).toBe(200);
    expect(mock.requests[0]!.scenarios).toEqual(["latency(20ms) @ baidu-bos"]);
    expect(() => scenario.latency("baidu-bos", -1)).toThrow(RangeError);
  });

  /** A signed BOS call the test can abort; resolves once the mock has recorded it (it is then waiting). */
  async function waitingBosCall(signal?: AbortSignal) {
    const signed = await sign({ method: "GET", url: `https://${bucket()}.bj.bcebos.com/?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] }));
    const answer = fetch(signed.url, { headers: signed.headers, ...(signal ? { signal } : {}) }).then(
      (r) => r.status,
      (err: Error) => err.name,
    );
    await vi.waitFor(() => expect(mock.requests).toHaveLength(1));
    return { answer, call: mock.requests[0]! };
  }

  it("Infinity waits for good (a hang for a client's timeout), not one millisecond as a bare setTimeout would; the client's abort ends the wait", async () => {
    mock.use(scenario.latency("baidu-bos", Infinity), scenario.status("baidu-bos", 503));
    const client = new AbortController();
    const { answer, call } = await waitingBosCall(client.signal);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(call.response).toBeUndefined();
    client.abort();
    expect(await answer).toBe("AbortError");
    await vi.waitFor(() => expect(call.reset).toBe(true));
    // The abandoned request took no answer: the 503 is still there for the next one.
    expect(mock.runtime.scenarios.map((s) => s.label)).toEqual(["status(503) @ baidu-bos"]);
  });

  it("reset() ends a request still waiting, so it cannot answer (or record nonces and sessions) into the next test", async () => {
    mock.use(scenario.latency("baidu-bos", 60_000));
    const { answer, call } = await waitingBosCall();
    mock.reset();
    expect(await answer).toBe("TypeError");
    expect([call.reset, mock.requests.length]).toEqual([true, 0]);
  });
});

describe("scenario.body", () => {
  it("corrupts the JSON (BOS) and XML (OSS) answers in five ways", async () => {
    const bos = await call["baidu-bos"]();
    const oss = await call["aliyun-oss"]();
    expect([bos.status, oss.status]).toEqual([200, 200]);
    const faulty = async (fault: Parameters<typeof scenario.body>[1]) => {
      mock.use(scenario.body("*", fault, { times: 2 }));
      return { bos: await call["baidu-bos"](), oss: await call["aliyun-oss"]() };
    };

    const truncated = await faulty("truncated");
    for (const [r, whole] of [[truncated.bos, bos.text], [truncated.oss, oss.text]] as const) {
      expect(r.status).toBe(200);
      expect(r.text.length).toBeLessThan(whole.length);
      expect(whole.startsWith(r.text)).toBe(true);
    }
    const malformed = await faulty("malformed");
    expect(() => malformed.bos.json()).toThrow(SyntaxError);
    expect(malformed.oss.text).toContain("<Owner><ID>1</ID></AccessControlPolicy>");
    const invalid = await faulty("invalid");
    expect(invalid.bos.json()).toBe("not the documented shape");
    expect(invalid.oss.text).not.toContain("<AccessControlPolicy>");
    const empty = await faulty("empty");
    expect([empty.bos.status, empty.bos.text, empty.oss.status, empty.oss.text]).toEqual([200, "", 200, ""]);
    const html = await faulty("wrong-content-type");
    for (const r of [html.bos, html.oss]) {
      expect([r.status, r.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
      expect(r.text).toMatch(/^<!DOCTYPE html>/);
    }
  });
});

describe("scenario.reset", () => {
  it("resets the connection instead of answering, and records it", async () => {
    mock.use(scenario.reset("aliyun-ens"));
    await expect(call["aliyun-ens"]()).rejects.toThrow(TypeError);
    const [reset] = mock.requests;
    expect([reset!.reset, reset!.response]).toEqual([true, undefined]);
    expect(validateRecordedResponse(reset!).errors).toEqual(["the connection was reset"]);
    expect((await call["aliyun-ens"]()).status).toBe(200);
  });
});
