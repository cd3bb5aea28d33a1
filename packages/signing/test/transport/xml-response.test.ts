// The JSON Response that @bucketry/aliyun-oss's xmlBodies() middleware hands openapi-fetch answers text() and
// json() from memory (no stream built and read back per call); every other way of reading it behaves as a
// plain Response's body would.
import { xmlBodies, XML_ROOT_HEADER } from "@bucketry/aliyun-oss";
import { describe, expect, it } from "vitest";

const XML =
  '<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy><Owner><ID>0022012</ID><DisplayName>0022012</DisplayName></Owner>' +
  "<AccessControlList><Grant>public-read</Grant></AccessControlList></AccessControlPolicy>";
const VALUE = { Owner: { ID: "0022012", DisplayName: "0022012" }, AccessControlList: { Grant: "public-read" } };

async function converted(): Promise<Response> {
  const mw = xmlBodies();
  const response = new Response(XML, { status: 200, statusText: "OK", headers: { "content-type": "application/xml", "x-oss-request-id": "R-1", "content-length": String(XML.length) } });
  return (await mw.onResponse!({ response } as never)) as Response;
}

describe("xmlBodies' JSON Response", () => {
  it("is a Response with the JSON, its status and headers (content type, root, no stale length)", async () => {
    const r = await converted();
    expect(r).toBeInstanceOf(Response);
    expect(r.status).toBe(200);
    expect(r.statusText).toBe("OK");
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(r.headers.get(XML_ROOT_HEADER)).toBe("AccessControlPolicy");
    expect(r.headers.get("x-oss-request-id")).toBe("R-1");
    expect(r.headers.has("content-length")).toBe(false);
    expect(r.bodyUsed).toBe(false);
    expect(await r.json()).toEqual(VALUE);
    expect(r.bodyUsed).toBe(true);
  });

  it("text(), arrayBuffer(), bytes(), blob(), body: the same JSON", async () => {
    const json = JSON.stringify(VALUE);
    expect(await (await converted()).text()).toBe(json);
    expect(new TextDecoder().decode(await (await converted()).arrayBuffer())).toBe(json);
    expect(new TextDecoder().decode(await (await converted()).bytes())).toBe(json);
    expect(await (await (await converted()).blob()).text()).toBe(json);
    expect(await new Response((await converted()).body).text()).toBe(json);
  });

  it("is read once: a second read rejects, clone() of a read body throws; clone() before reading gives two readers", async () => {
    const r = await converted();
    await r.text();
    await expect(r.text()).rejects.toThrow(TypeError);
    await expect(r.json()).rejects.toThrow(TypeError);
    await expect(r.arrayBuffer()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
    const fresh = await converted();
    const copy = fresh.clone();
    expect(await copy.json()).toEqual(VALUE);
    expect(await fresh.json()).toEqual(VALUE);
    const streamed = await converted();
    void streamed.body;
    expect(await streamed.json()).toEqual(VALUE);
    expect(streamed.bodyUsed).toBe(true);
  });
});
