import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, ossEndpoint, readXml, serializeOssQuery, XML_ROOT_HEADER, xmlBodies, XmlBodyError } from "../src/index.js";

// The OSS GetBucketAcl API page's sample response (the spec's externalDocs), with its malformed `<? xml ... ? >` prolog fixed.
const seedXml = `<?xml version="1.0"?>
<AccessControlPolicy>
    <Owner>
        <ID>0022012****</ID>
        <DisplayName>user_example</DisplayName>
    </Owner>
    <AccessControlList>
        <Grant>public-read</Grant>
    </AccessControlList>
</AccessControlPolicy>`;
const noSuchBucketXml = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>534B371674E88A4D8906****</RequestId><HostId>oss-example.oss-cn-hangzhou.aliyuncs.com</HostId><BucketName>oss-example</BucketName><EC>0015-00000101</EC></Error>`;

const urls: string[] = [];
const server = setupServer(
  http.get("https://oss-example.oss-cn-hangzhou.aliyuncs.com/", ({ request }) => {
    urls.push(request.url);
    return HttpResponse.xml(seedXml, { headers: { "x-oss-request-id": "534B371674E88A4D8906****" } });
  }),
  http.get("https://missing.oss-cn-hangzhou.aliyuncs.com/", () => HttpResponse.xml(noSuchBucketXml, { status: 404 })),
  http.get("https://broken.oss-cn-hangzhou.aliyuncs.com/", () => HttpResponse.xml("<AccessControlPolicy><Owner>", { status: 200 })),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  urls.length = 0;
});
afterAll(() => server.close());

describe("@bucketry/aliyun-oss createClient", () => {
  it("keeps the bare ?acl under a per-call querySerializer (without it, GET is another operation)", async () => {
    const urls: string[] = [];
    const fetch = async (request: Request) => {
      urls.push(request.url);
      return new Response(null, { status: 204 });
    };
    const client = createClient({ region: "cn-hangzhou", bucket: "oss-example", fetch });
    for (const SERIALIZER of [() => "max-keys=5", () => "", { array: { style: "form" as const, explode: true } }]) await client.GET("/", { querySerializer: SERIALIZER });
    expect(urls).toEqual(["https://oss-example.oss-cn-hangzhou.aliyuncs.com/?acl&max-keys=5", "https://oss-example.oss-cn-hangzhou.aliyuncs.com/?acl", "https://oss-example.oss-cn-hangzhou.aliyuncs.com/?acl"]);
  });

  it("GET /?acl returns the seed example as typed data (root unwrapped, ID kept a string)", async () => {
    const client = createClient({ region: "cn-hangzhou", bucket: "oss-example" });
    const { data, error, response } = await client.GET("/", {});
    expect(error).toBeUndefined();
    expect(data).toEqual({
      Owner: { ID: "0022012****", DisplayName: "user_example" },
      AccessControlList: { Grant: "public-read" },
    });
    expect(urls).toEqual(["https://oss-example.oss-cn-hangzhou.aliyuncs.com/?acl"]);
    expect(response.headers.get("x-oss-request-id")).toBe("534B371674E88A4D8906****");
  });

  it("xmlBodies hands on the platform's own Response: the JSON, the status, the headers (JSON type, the root read, no stale length)", async () => {
    const response = new Response(seedXml, { status: 200, statusText: "OK", headers: { "content-type": "application/xml", "x-oss-request-id": "R-1", "content-length": String(seedXml.length) } });
    const converted = (await xmlBodies().onResponse!({ response } as never)) as Response;
    expect(Object.getPrototypeOf(converted)).toBe(Response.prototype);
    expect(converted.status).toBe(200);
    expect(converted.statusText).toBe("OK");
    expect(converted.headers.get("content-type")).toBe("application/json");
    expect(converted.headers.get(XML_ROOT_HEADER)).toBe("AccessControlPolicy");
    expect(converted.headers.get("x-oss-request-id")).toBe("R-1");
    expect(converted.headers.has("content-length")).toBe(false);
    const value = { Owner: { ID: "0022012****", DisplayName: "user_example" }, AccessControlList: { Grant: "public-read" } };
    expect(await converted.clone().json()).toEqual(value);
    expect(JSON.parse(await converted.text())).toEqual(value);
  });

  it("reads the XML <Error> body into the typed error", async () => {
    const client = createClient({ region: "cn-hangzhou", bucket: "missing" });
    const { data, error, response } = await client.GET("/", {});
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ Code: "NoSuchBucket", RequestId: "534B371674E88A4D8906****", EC: "0015-00000101" });
  });

  it("a value that is not a number is quoted whole when short, else only by its length (never cut: redaction matches whole values)", () => {
    const shapes = { Doc: { fields: { Count: "number" } } } as const;
    expect(() => readXml("<Doc><Count>abc</Count></Doc>", shapes)).toThrow('expected a number at Doc.Count, got "abc"');
    const long = `LONG${"z".repeat(60)}`;
    expect(() => readXml(`<Doc><Count>${long}</Count></Doc>`, shapes)).toThrow(`got a value of ${long.length} characters`);
    expect(() => readXml(`<Doc><Count>${long}</Count></Doc>`, shapes)).not.toThrow(/LONG/);
  });

  it("rejects a truncated XML body with XmlBodyError", async () => {
    const client = createClient({ region: "cn-hangzhou", bucket: "broken" });
    await expect(client.GET("/", {})).rejects.toBeInstanceOf(XmlBodyError);
  });

  it("keeps ids with leading zeros as strings and numbers typed as numbers per the spec", () => {
    const { root, value } = readXml(
      `<Error><Code>RequestTimeTooSkewed</Code><RequestId>0012</RequestId><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>`,
      { Error: { fields: { Code: "string", RequestId: "string", MaxAllowedSkewMilliseconds: "number" } } },
    );
    expect(root).toBe("Error");
    expect(value).toEqual({ Code: "RequestTimeTooSkewed", RequestId: "0012", MaxAllowedSkewMilliseconds: 900000 });
  });

  it("leaves out a number or boolean field whose element is empty, keeping the rest of the body", () => {
    const shapes = { Error: { fields: { Code: "string", Message: "string", MaxAllowedSkewMilliseconds: "number", Flag: "boolean", Counts: { list: "number" } } } } as const;
    const { value } = readXml("<Error><Code>RequestTimeTooSkewed</Code><Message></Message><MaxAllowedSkewMilliseconds> </MaxAllowedSkewMilliseconds><Flag/><Counts></Counts><Counts>2</Counts></Error>", shapes);
    expect(value).toEqual({ Code: "RequestTimeTooSkewed", Message: "", Counts: [2] });
    expect(() => readXml("<Error><MaxAllowedSkewMilliseconds>soon</MaxAllowedSkewMilliseconds></Error>", shapes)).toThrow('expected a number at Error.MaxAllowedSkewMilliseconds, got "soon"');
  });

  it("lenient: leaves out a number or boolean field that is not one (an error body keeps its code); strict refuses it", () => {
    const shapes = { Error: { fields: { Code: "string", MaxAllowedSkewMilliseconds: "number", Flag: "boolean", Counts: { list: "number" } } } } as const;
    const xml = "<Error><Code>RequestTimeTooSkewed</Code><MaxAllowedSkewMilliseconds>15 min</MaxAllowedSkewMilliseconds><Flag>yes</Flag><Counts>1e999</Counts><Counts>2</Counts></Error>";
    expect(readXml(xml, shapes, { lenient: true }).value).toEqual({ Code: "RequestTimeTooSkewed", Counts: [2] });
    expect(() => readXml(xml, shapes)).toThrow(XmlBodyError);
  });

  it("xmlBodies reads an error status's <Error> leniently and a success body strictly", async () => {
    const skewed = "<Error><Code>RequestTimeTooSkewed</Code><Message>too skewed</Message><MaxAllowedSkewMilliseconds>soon</MaxAllowedSkewMilliseconds></Error>";
    const read = (status: number) => xmlBodies().onResponse!({ response: new Response(skewed, { status, headers: { "content-type": "application/xml" } }) } as never) as Promise<Response>;
    expect(await (await read(403)).json()).toEqual({ Code: "RequestTimeTooSkewed", Message: "too skewed" });
    await expect(read(200)).rejects.toThrow('expected a number at Error.MaxAllowedSkewMilliseconds, got "soon"');
  });

  it("makes list elements arrays even with one entry, and keeps unknown repeated elements", () => {
    const shapes = { R: { fields: { Item: { list: "string" as const } } } };
    expect(readXml("<R><Item>a</Item></R>", shapes).value).toEqual({ Item: ["a"] });
    expect(readXml("<R></R>", shapes).value).toEqual({ Item: [] });
    expect(readXml("<R><X>1</X><X>2</X></R>", shapes).value).toEqual({ Item: [], X: ["1", "2"] });
  });

  it("refuses entity-expansion and external-entity documents instead of expanding them", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><R>&b;</R>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><R>&x;</R>`;
    expect(() => readXml(bomb)).toThrow(XmlBodyError);
    expect(() => readXml(xxe)).toThrow(XmlBodyError);
  });

  it("builds endpoints and the bare ?acl query", () => {
    expect(ossEndpoint("cn-hangzhou", "examplebucket")).toBe("https://examplebucket.oss-cn-hangzhou.aliyuncs.com");
    expect(ossEndpoint("oss-cn-shanghai", "b-1", true)).toBe("https://b-1.oss-cn-shanghai-internal.aliyuncs.com");
    expect(() => createClient({ region: "cn-shanghai", bucket: "b-1", internal: "false" as never })).toThrow('@bucketry/aliyun-oss: internal must be true or false, got "false"');
    expect(() => ossEndpoint("cn-hangzhou", "Bad_Bucket")).toThrow(/bucket name/);
  });

  it("quotes a bad bucket or region cut at 60 characters, and a non-string by its type (a config pasted whole may hold keys)", () => {
    const pasted = `examplebucket accessKeySecret=${"S".repeat(80)}`;
    expect(() => ossEndpoint("cn-hangzhou", pasted)).toThrow(`@bucketry/aliyun-oss: "${pasted.slice(0, 60)}"… is not a valid bucket name`);
    expect(() => ossEndpoint(pasted, "examplebucket")).toThrow(`@bucketry/aliyun-oss: "${pasted.slice(0, 60)}"… is not a region id like cn-hangzhou`);
    expect(() => createClient({ region: "cn-hangzhou", bucket: { name: "examplebucket", secret: "S3cr3t" } as never })).toThrow(
      '@bucketry/aliyun-oss: a value of type object is not a valid bucket name',
    );
    // Control characters are escaped: a newline in a bucket name cannot start a forged line of a log.
    expect(() => ossEndpoint("cn-hangzhou", "bucket\nERROR forged")).toThrow('@bucketry/aliyun-oss: "bucket\\nERROR forged" is not a valid bucket name');
    // A region of the wrong type is named, not a "region.replace is not a function" crash.
    expect(() => createClient({ region: 42 as never, bucket: "examplebucket" })).toThrow("@bucketry/aliyun-oss: a value of type number is not a region id like cn-hangzhou");
    expect(serializeOssQuery({})).toBe("acl");
    expect(() => createClient({ region: "cn-hangzhou" })).toThrow(/bucket/);
  });
});
