// ENS's SignatureNonce replay check in a long-running mock: a nonce is remembered only while a replay of it could
// pass the 15-minute timestamp check, so the store holds about 15 minutes' worth, and a replay is refused throughout.
import { signAcs3, signAcsRpcV1 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { testCredentials } from "../src/index.js";
import { MINUTE, send, sign, useMock } from "./helpers.js";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
let now = START;
const mock = useMock({ buckets: 5, clock: () => now });
const ens = testCredentials["aliyun-ens"];
const draft = { method: "POST", url: "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON&PageSize=10" };
/** The nonces the mock remembers (kept in its per-provider memory; expired ones go when a request is checked). */
const remembered = () => (mock.runtime.memory.get("aliyun-ens:nonces") as { size: number } | undefined)?.size ?? 0;
const signedAt = (at: number, nonce: string, scheme: "acs3" | "rpc" = "acs3") =>
  sign(draft, (r) => (scheme === "acs3" ? signAcs3(r, { credentials: ens, clock: () => at, nonce: () => nonce }) : signAcsRpcV1(r, { credentials: ens, clock: () => at, nonce: () => nonce })));

describe("aliyun-ens nonces", () => {
  it("forgets a nonce once its timestamp is past the 15-minute window, and a replay is refused before and after", async () => {
    now = START;
    const first = await signedAt(now, "nonce-first");
    const firstRpc = await signedAt(now, "nonce-first-rpc", "rpc");
    for (const r of [first, firstRpc]) expect((await send(r)).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await send(await signedAt(now, `nonce-${i}`, i % 2 ? "rpc" : "acs3"))).status).toBe(200);
    expect(remembered()).toBe(22);

    now = START + 14 * MINUTE; // still inside the window: replays are refused by nonce
    for (const r of [first, firstRpc]) expect((await send(r)).json().Code).toBe("SignatureNonceUsed");
    const later = await signedAt(now, "nonce-later");
    expect((await send(later)).status).toBe(200);

    now = START + 16 * MINUTE; // the first 22 could only be replayed with an expired timestamp: forgotten
    for (const r of [first, firstRpc]) expect((await send(r)).json().Code).toBe("InvalidTimeStamp.Expired");
    expect((await send(later)).json().Code).toBe("SignatureNonceUsed");
    expect((await send(await signedAt(now, "nonce-at-16m", "rpc"))).status).toBe(200);
    expect(remembered()).toBe(2); // nonce-later and nonce-at-16m

    now = START + 32 * MINUTE;
    expect((await send(later)).json().Code).toBe("InvalidTimeStamp.Expired");
    expect((await send(await signedAt(now, "nonce-at-32m"))).status).toBe(200);
    expect(remembered()).toBe(1);
  });

  it("keeps a nonce signed ahead of the mock's clock until its own timestamp leaves the window", async () => {
    now = START;
    const ahead = await signedAt(START + 10 * MINUTE, "nonce-ahead");
    expect((await send(ahead)).status).toBe(200);
    now = START + 20 * MINUTE; // 15 minutes after it was seen, but its timestamp still passes
    expect((await send(ahead)).json().Code).toBe("SignatureNonceUsed");
    now = START + 26 * MINUTE;
    expect((await send(ahead)).json().Code).toBe("InvalidTimeStamp.Expired");
    expect((await send(await signedAt(now, "nonce-at-26m"))).status).toBe(200);
    expect(remembered()).toBe(1);
  });
});
