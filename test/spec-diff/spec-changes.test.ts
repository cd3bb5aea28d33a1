// The spec classifier on crafted edits of our real specs: one edit per rule, each expected level and JSON
// pointer written out here by hand (breaking = major, feature = minor, fix = patch).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
// @ts-expect-error plain ESM script without types
import { embeddedSpecChanges, maxLevel, rank, schemaUse, specChanges } from "../../scripts/spec-diff/spec-changes.mjs";
import { loadSpec, root, type Json } from "./helpers.js";

type Change = { level: string; pointer: string; message: string; rule: string; operations?: string[] };
type Edit = { vendor: string; level: "major" | "minor" | "patch"; pointer: string; rule?: string; edit: (spec: Json) => void };

const EDITS: Record<string, Edit> = {
  "remove a response field": {
    vendor: "huaweicloud-mpc",
    level: "major",
    pointer: "#/components/schemas/ObsBucket/properties/is_authorized",
    rule: "property-removed",
    edit: (d) => {
      delete d.components.schemas.ObsBucket.properties.is_authorized;
      d.components.schemas.ObsBucket.required = ["bucket", "creation_date"];
    },
  },
  "rename a field": {
    vendor: "baidu-bos",
    level: "major",
    pointer: "#/components/schemas/Owner/properties/id",
    rule: "property-removed",
    edit: (d) => {
      const owner = d.components.schemas.Owner;
      owner.properties.ownerId = owner.properties.id;
      delete owner.properties.id;
      owner.required = ["ownerId"];
    },
  },
  "make a query parameter required": {
    vendor: "aliyun-ens",
    level: "major",
    pointer: "#/components/parameters/Prefix/required",
    rule: "parameter-became-required",
    edit: (d) => {
      d.components.parameters.Prefix.required = true;
    },
  },
  "narrow a string to an enum": {
    vendor: "aliyun-ens",
    level: "major",
    pointer: "#/components/parameters/Prefix/schema/enum",
    rule: "enum-values-removed",
    edit: (d) => {
      d.components.parameters.Prefix.schema = { type: "string", enum: ["img", "doc"] };
    },
  },
  "remove an enum value (request)": {
    vendor: "aliyun-ens",
    level: "major",
    pointer: "#/components/parameters/Format/schema/enum",
    rule: "enum-values-removed",
    edit: (d) => {
      d.components.parameters.Format.schema.enum = ["JSON", "json"];
    },
  },
  "remove an enum value (response)": {
    vendor: "huaweicloud-mpc",
    level: "major",
    pointer: "#/components/schemas/ObsBucket/properties/is_authorized/enum",
    rule: "bucketry/response-enum-values-removed",
    edit: (d) => {
      d.components.schemas.ObsBucket.properties.is_authorized.enum = [1];
    },
  },
  "narrow a response type": {
    vendor: "huaweicloud-mpc",
    level: "major",
    pointer: "#/components/schemas/ObsBucket/properties/creation_date/type",
    rule: "bucketry/response-type-narrowed",
    edit: (d) => {
      d.components.schemas.ObsBucket.properties.creation_date.type = "string";
    },
  },
  "make a required response field optional": {
    vendor: "aliyun-oss",
    level: "major",
    pointer: "#/components/schemas/Owner/required",
    rule: "required-properties-removed",
    edit: (d) => {
      d.components.schemas.Owner.required = ["ID"];
    },
  },
  "change a security scheme": {
    vendor: "baidu-bos",
    level: "major",
    pointer: "#/components/securitySchemes/bceAuthV1/name",
    rule: "security-scheme-changed",
    edit: (d) => {
      d.components.securitySchemes.bceAuthV1.name = "X-Bce-Authorization";
    },
  },
  // openapi-fetch types `error` as the union of the error responses' bodies: a new kind of body breaks `error.error_code`.
  "add an error response with a body type the operation's other errors do not have": {
    vendor: "huaweicloud-mpc",
    level: "major",
    pointer: "#/paths/~1v1~1{project_id}~1buckets/get/responses/502/content/text~1html",
    rule: "bucketry/response-body-type-added",
    edit: (d) => {
      d.paths["/v1/{project_id}/buckets"].get.responses["502"] = { description: "A proxy's error page.", content: { "text/html": { schema: { type: "string" } } } };
    },
  },
  // …and `data` as the union of the success responses' bodies: one without a body makes it `… | undefined`.
  "add a success response without a body": {
    vendor: "aliyun-oss",
    level: "major",
    pointer: "#/paths/~1/get/responses/204",
    rule: "bucketry/response-body-type-added",
    edit: (d) => {
      d.paths["/"].get.responses["204"] = { description: "No content." };
    },
  },
  // The OSS client reads XML by the spec's element names (its generated XML shapes); no TypeScript type shows them.
  "rename an XML element": {
    vendor: "aliyun-oss",
    level: "major",
    pointer: "#/components/schemas/Owner/xml/name",
    rule: "bucketry/xml-mapping-changed",
    edit: (d) => {
      d.components.schemas.Owner.xml.name = "OwnerInfo";
    },
  },
  "read a property from an XML attribute instead of an element": {
    vendor: "aliyun-oss",
    level: "major",
    pointer: "#/components/schemas/Owner/properties/ID/xml",
    rule: "bucketry/xml-mapping-changed",
    edit: (d) => {
      d.components.schemas.Owner.properties.ID.xml = { attribute: true };
    },
  },
  "name an XML element as it was already named": {
    vendor: "aliyun-oss",
    level: "minor",
    pointer: "#/components/schemas/Owner/properties/ID/xml",
    edit: (d) => {
      d.components.schemas.Owner.properties.ID.xml = { name: "ID" };
    },
  },
  "add an error response with a body type the operation already has": {
    vendor: "huaweicloud-mpc",
    level: "minor",
    pointer: "#/paths/~1v1~1{project_id}~1buckets/get/responses/409",
    edit: (d) => {
      d.paths["/v1/{project_id}/buckets"].get.responses["409"] = { description: "Conflict.", content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } };
    },
  },
  "add an optional response field": {
    vendor: "hitachi-vsp-one-object",
    level: "minor",
    pointer: "#/components/schemas/UserBucket/properties/region",
    edit: (d) => {
      d.components.schemas.UserBucket.properties.region = { type: "string", description: "Region of the bucket." };
    },
  },
  "add an optional query parameter": {
    vendor: "aliyun-oss",
    level: "minor",
    pointer: "#/paths/~1/get/parameters/5",
    edit: (d) => {
      d.paths["/"].get.parameters.push({ name: "max-keys", in: "query", required: false, schema: { type: "integer", minimum: 1 } });
    },
  },
  "add a response enum value (the clients pass unknown values through)": {
    vendor: "huaweicloud-mpc",
    level: "minor",
    pointer: "#/components/schemas/ObsBucket/properties/is_authorized/enum",
    rule: "enum-values-added",
    edit: (d) => {
      d.components.schemas.ObsBucket.properties.is_authorized.enum = [0, 1, 2];
    },
  },
  "add an operation": {
    vendor: "huaweicloud-mpc",
    level: "minor",
    pointer: "#/paths/~1v1~1{project_id}~1buckets~1{bucket_name}",
    edit: (d) => {
      d.paths["/v1/{project_id}/buckets/{bucket_name}"] = {
        get: {
          operationId: "ShowBucket",
          summary: "Show one bucket",
          parameters: [{ $ref: "#/components/parameters/ProjectId" }, { name: "bucket_name", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The bucket.", content: { "application/json": { schema: { $ref: "#/components/schemas/ObsBucket" } } } } },
        },
      };
    },
  },
  "change only a description": {
    vendor: "aliyun-oss",
    level: "patch",
    pointer: "#/paths/~1/get/description",
    edit: (d) => {
      d.paths["/"].get.description += "\nOne more sentence of documentation.\n";
    },
  },
  "change only an example": {
    vendor: "huaweicloud-mpc",
    level: "patch",
    pointer: "#/components/schemas/ObsBucket/properties/bucket/examples",
    edit: (d) => {
      d.components.schemas.ObsBucket.properties.bucket.examples = ["another-bucket"];
    },
  },
};

const work = mkdtempSync(join(tmpdir(), "bucketry-spec-changes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the edited spec next to an unedited one (same serializer, so only the edit differs). */
function files(name: string, { vendor, edit }: Edit): [string, string] {
  const slug = name.replace(/\W+/g, "-");
  const base = join(work, `${slug}.base.yaml`);
  const revision = join(work, `${slug}.yaml`);
  writeFileSync(base, stringify(loadSpec(vendor), { lineWidth: 0 }));
  const spec = loadSpec(vendor);
  edit(spec);
  writeFileSync(revision, stringify(spec, { lineWidth: 0 }));
  return [base, revision];
}

describe.concurrent("spec changes are classified as a generated client's users feel them", () => {
  it.each(Object.entries(EDITS))("%s", async (name, edit) => {
    const changes: Change[] = await specChanges(...files(name, edit));
    const lines = changes.map((c) => `${c.level} ${c.pointer} ${c.message} ${c.rule}`);
    expect(maxLevel(changes.map((c) => c.level)), lines.join("\n")).toBe(edit.level);
    const hit = changes.find((c) => c.pointer === edit.pointer && c.level === edit.level);
    expect(hit, `a ${edit.level} change at ${edit.pointer} in:\n${lines.join("\n")}`).toBeDefined();
    if (edit.rule) expect(hit!.rule).toBe(edit.rule);
    expect(hit!.message.length).toBeGreaterThan(10);
  });
});

// @bucketry/mocks answers by the specs it embeds: a response example is a documented error it can be told to
// answer (`scenario.error`) or the body it answers. What is documentation for the client is behaviour there.
describe.concurrent("a response example, as the mocks (which answer by it) feel it", () => {
  const mpc403 = (d: Json) => d.paths["/v1/{project_id}/buckets"].get.responses["403"].content["application/json"].examples;
  // [name, the edit (its level: the client's verdict), the mocks' verdict, their message]
  const cases: Array<[string, Edit, string, RegExp]> = [
    ["an error example removed", { vendor: "huaweicloud-mpc", level: "patch", pointer: "", edit: (d) => delete mpc403(d)["APIGW.0304"] }, "major", /^Documented error `APIGW\.0304` \(403\) removed: `scenario\.error\(provider, "APIGW\.0304"\)` throws\.$/m],
    ["an error example added", { vendor: "huaweicloud-mpc", level: "minor", pointer: "", edit: (d) => (mpc403(d)["APIGW.0399"] = { summary: "x", value: { error_code: "APIGW.0399", error_msg: "x", request_id: "r" } }) }, "minor", /^Documented error `APIGW\.0399` \(403\) added: `scenario\.error\(provider, "APIGW\.0399"\)` answers it\.$/m],
    ["an error example's message changed", { vendor: "huaweicloud-mpc", level: "none" as "patch", pointer: "", edit: (d) => (mpc403(d)["APIGW.0304"].value.error_msg = "Another message.") }, "minor", /^Response 403 example `APIGW\.0304` changed: the mock answers it differently\.$/m],
    // The mocks key an error by the code in its body, not by the example's name.
    ["an error example's code changed", { vendor: "huaweicloud-mpc", level: "none" as "patch", pointer: "", edit: (d) => (mpc403(d)["APIGW.0304"].value.error_code = "APIGW.0399") }, "major", /^Documented error `APIGW\.0304` \(403\) removed/m],
    ["an error example renamed, its code kept", { vendor: "huaweicloud-mpc", level: "minor", pointer: "", edit: (d) => {
      mpc403(d)["not-authorized"] = mpc403(d)["APIGW.0304"];
      delete mpc403(d)["APIGW.0304"];
    } }, "minor", /^Response 403 example `APIGW\.0304` removed: the mock no longer answers with it\.$/m],
    // The mocks' types do not change with a new body type: the client's breaking verdict is not theirs.
    ["an error response with a new body type added", { vendor: "huaweicloud-mpc", level: "major", pointer: "", edit: (d) => (d.paths["/v1/{project_id}/buckets"].get.responses["502"] = { description: "A proxy's error page.", content: { "text/html": { schema: { type: "string" } } } }) }, "minor", /^Response `502` added\.$/m],
    // ENS's responses are $refs to components/responses: followed.
    ["a referenced response's example changed", { vendor: "aliyun-ens", level: "none" as "patch", pointer: "", edit: (d) => {
      const ok = d.components.responses.ListBucketsOk.content["application/json"].examples;
      const first = Object.keys(ok)[0]!;
      ok[first].value.TotalCount = 12345;
    } }, "minor", /^Response 200 example `[^`]+` changed: the mock answers it differently\.$/m],
  ];
  it.each(cases)("%s: %j for the client; for the mocks %s", async (name, edit, mocks, message) => {
    const [base, revision] = files(`embedded ${name}`, edit);
    const changes: Change[] = await specChanges(base, revision);
    expect(maxLevel(changes.map((c) => c.level))).toBe(edit.level);
    const embedded: Change[] = await embeddedSpecChanges(base, revision);
    expect(maxLevel(embedded.map((c) => c.level)), embedded.map((c) => `${c.level} ${c.pointer} ${c.message}`).join("\n")).toBe(mocks);
    expect(embedded.map((c) => c.message).join("\n")).toMatch(message);
  });

  // The mocks answer and validate XML bodies by the spec's element names: no API report of theirs shows a rename.
  it("an XML element renamed is breaking for the mocks too", async () => {
    const edit: Edit = { vendor: "aliyun-oss", level: "major", pointer: "", edit: (d) => (d.components.schemas.AccessControlPolicy.xml.name = "Policy") };
    const embedded: Change[] = await embeddedSpecChanges(...files("embedded xml root renamed", edit));
    expect(embedded.map((c) => `${c.level} ${c.pointer} ${c.message}`)).toContain(
      "major #/components/schemas/AccessControlPolicy/xml/name XML mapping of `AccessControlPolicy` changed (name `AccessControlPolicy` → name `Policy`): the client reads XML bodies, and the mocks answer and validate them, by this mapping, so a body written the old way is no longer read as its type says.",
    );
  });

  it("leaves a change outside the examples and the documentation as it was", async () => {
    const edit: Edit = { vendor: "huaweicloud-mpc", level: "major", pointer: "", edit: (d) => delete d.components.schemas.ObsBucket.properties.is_authorized };
    const [base, revision] = files("embedded field removed", edit);
    const changes: Change[] = await specChanges(base, revision);
    expect(maxLevel(changes.map((c) => c.level))).toBe("major");
    expect(await embeddedSpecChanges(base, revision)).toEqual(changes);
  });

  it("a field named like documentation (title, description) is a field, not documentation", async () => {
    const edit: Edit = { vendor: "huaweicloud-mpc", level: "major", pointer: "", edit: (d) => {
      d.components.schemas.ObsBucket.properties.title = { type: "string" };
    } };
    const [base, revision] = files("embedded field named title", edit);
    const withTitle = revision.replace(/\.yaml$/, ".title.yaml");
    const spec = loadSpec("huaweicloud-mpc");
    spec.components.schemas.ObsBucket.properties.title = { type: "integer" };
    writeFileSync(withTitle, stringify(spec, { lineWidth: 0 }));
    const changes: Change[] = await embeddedSpecChanges(revision, withTitle);
    expect(maxLevel(changes.map((c) => c.level)), changes.map((c) => `${c.level} ${c.pointer} ${c.message}`).join("\n")).toBe("major");
  });

  it("a parameter named like documentation is a parameter", async () => {
    const edit: Edit = { vendor: "aliyun-ens", level: "major", pointer: "", edit: (d) => {
      d.components.parameters.title = { name: "title", in: "query", required: true, schema: { type: "string" } };
      d.paths["/"].parameters.push({ $ref: "#/components/parameters/title" });
    } };
    const [base, revision] = files("embedded parameter named title", edit);
    expect(maxLevel((await embeddedSpecChanges(base, revision)).map((c: Change) => c.level))).toBe(maxLevel((await specChanges(base, revision)).map((c: Change) => c.level)));
  });

  it("needs no release of the mocks for a description or summary they drop", async () => {
    const edit: Edit = { vendor: "huaweicloud-mpc", level: "patch", pointer: "", edit: (d) => {
      d.info.description = `${d.info.description} More.`;
      d.paths["/v1/{project_id}/buckets"].get.summary = "Lists the buckets, again.";
      d.components.schemas.ObsBucket.properties.bucket.description = "The bucket's name.";
    } };
    const [base, revision] = files("embedded docs", edit);
    expect(maxLevel((await specChanges(base, revision)).map((c: Change) => c.level))).toBe("patch");
    expect(await embeddedSpecChanges(base, revision)).toEqual([]);
  });
});

describe.concurrent("the changelog lines name what changed", () => {
  it("a request enum names its parameter; a default and a required list show before and after", async () => {
    const edit: Edit = { vendor: "aliyun-ens", level: "minor", pointer: "", edit: (d) => {
      d.components.parameters.Format.schema.enum.push("YAML");
      d.components.parameters.PageSize.schema.default = 20;
    } };
    const messages = (await specChanges(...files("named enum and default", edit))).map((c: Change) => c.message);
    expect(messages).toContain('Request enum `Format` accepts new values: "YAML".');
    expect(messages).toContain("`default` of `PageSize` changed: 10 → 20.");
  });

  it("a parameter's default is behaviour for the mocks (they page by it)", async () => {
    const edit: Edit = { vendor: "aliyun-ens", level: "patch", pointer: "", edit: (d) => (d.components.parameters.PageSize.schema.default = 20) };
    const [base, revision] = files("mock default", edit);
    expect(maxLevel((await specChanges(base, revision)).map((c: Change) => c.level))).toBe("patch");
    const embedded: Change[] = await embeddedSpecChanges(base, revision);
    expect(embedded.map((c) => `${c.level} ${c.message}`)).toContain("minor `default` of `PageSize` changed: 10 → 20 (a mock that reads it answers a request that leaves it out differently).");
  });

  it("a server variable's default is behaviour for the mocks too", async () => {
    const edit: Edit = { vendor: "aliyun-oss", level: "patch", pointer: "", edit: (d) => (d.servers[0].variables.bucket.default = "otherbucket") };
    const [base, revision] = files("mock server default", edit);
    expect(rank((maxLevel((await specChanges(base, revision)).map((c: Change) => c.level))))).toBeLessThan(rank("minor"));
    const embedded: Change[] = await embeddedSpecChanges(base, revision);
    expect(maxLevel(embedded.map((c) => c.level)), embedded.map((c) => `${c.level} ${c.pointer} ${c.message}`).join("\n")).toBe("minor");
  });
});

describe("a change inside a component names the operations it reaches", () => {
  it("through a path's parameter list, and through responses and schemas it refers to", async () => {
    const ens: Edit = { vendor: "aliyun-ens", level: "major", pointer: "", edit: (d) => (d.components.parameters.Prefix.required = true) };
    const required: Change[] = await specChanges(...files("operations of a parameter", ens));
    expect(required.find((c) => c.pointer === "#/components/parameters/Prefix/required")?.operations).toEqual(["ListBuckets", "ListBucketsByGet"]);
    // ObsBucket is an item of ListAllBucketsResponse, the 200 body of ListAllBuckets.
    const mpc: Edit = { vendor: "huaweicloud-mpc", level: "major", pointer: "", edit: (d) => delete d.components.schemas.ObsBucket.properties.is_authorized };
    const removed: Change[] = await specChanges(...files("operations of a nested schema", mpc));
    expect(removed.find((c) => c.pointer === "#/components/schemas/ObsBucket/properties/is_authorized")?.operations).toEqual(["ListAllBuckets"]);
  });
});

describe("one reading per change", () => {
  it("a response type changed from integer to string is narrowed (ours), not also widened (Redocly's)", async () => {
    const edit: Edit = { vendor: "aliyun-ens", level: "major", pointer: "", edit: (d) => (d.components.schemas.ListBucketsResponse.properties.TotalCount.type = "string") };
    const changes: Change[] = await specChanges(...files("one reading", edit));
    const lines = changes.map((c) => `${c.level} ${c.message}`);
    expect(lines.some((l) => /^major Response type of `TotalCount` narrowed/.test(l)), lines.join("\n")).toBe(true);
    expect(lines.filter((l) => /widened/i.test(l)), lines.join("\n")).toEqual([]);
  });
});

describe("which way a spec's schemas travel", () => {
  it("a request that refers to part of a schema, or comes through a referenced path item, uses that schema", () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/a": { $ref: "#/components/pathItems/A" },
        "/b": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Bucket/properties/owner" } } } }, responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Bucket" } } } } } } },
      },
      components: {
        pathItems: { A: { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Query" } } } }, responses: { 200: { description: "ok" } } } } },
        schemas: { Query: { type: "object" }, Bucket: { type: "object", properties: { owner: { type: "string" } } } },
      },
    };
    const file = join(work, "use.yaml");
    writeFileSync(file, stringify(spec));
    expect(Object.fromEntries(schemaUse(file))).toEqual({ Query: "request", Bucket: "both" });
  });

  it("response schemas, request schemas and what they reach", () => {
    expect(Object.fromEntries(schemaUse(join(root, "specs/hitachi-vsp-one-object.yaml")))).toMatchObject({ ListUserBucketsRequest: "request", UserBucket: "response", ErrorResponse: "response" });
    expect(Object.fromEntries(schemaUse(join(root, "specs/huaweicloud-mpc.yaml")))).toEqual({ ListAllBucketsResponse: "response", ObsBucket: "response", ErrorResponse: "response", ApiGatewayErrorResponse: "response" });
  });
});
