// The Try-it panel's code panel: the call the page just made, as a bare client + @bucketry/signing program and as
// a facade program, filled with the form's values. Keys never appear: both programs read the vendor's
// environment variables (`env`: the provider module's names). test/try-it-snippets.test.ts runs both against
// the mock server for every vendor.

const js = (value) => JSON.stringify(value);

/** A number to the facade: typed so in the spec, or a string the spec bounds (RPC's `PageSize`, sent as text). */
export const isNumeric = (field) => field.type === "integer" || field.type === "number" || field.minimum !== undefined || field.maximum !== undefined;

/**
 * The facade arguments a form gives: each field that fills one (`arg`), from its text (`read(field)`); empty
 * fields are left out, numbers are numbers (see `isNumeric`; Hitachi's user `id` is numeric when it looks like one).
 */
export function argumentsOf(fields, read) {
  const out = {};
  for (const field of fields) {
    const text = String(read(field) ?? "").trim();
    if (text === "" || !field.arg) continue;
    const numeric = isNumeric(field) || (field.name === "id" && /^-?\d+$/.test(text));
    out[field.arg] = numeric ? Number(text) : text;
  }
  return out;
}

/**
 * @param {object} call
 * @param {string} call.provider
 * @param {string} [call.operationId] the page's operation (a page for a second operation of the vendor —
 *   ENS `ListBucketsByGet`, BOS path-style `GetBucketAcl`, Hitachi `GetCsrfToken` — gets its own programs)
 * @param {Record<string, unknown>} [call.facadeOptions] the options the page gives the facade (`addressing`)
 * @param {Record<string, string | number>} call.values the form's values (facade arguments; on a bare page the
 *   operation's own parameter names)
 * @param {Record<string, string>} call.env the vendor's environment variable names (accessKeyId, accessKeySecret, token, projectId)
 * @param {string} [call.endpoint] the URL target, when the reader chose one
 * @returns {{ bare: string, facade: string }}
 */
export function snippets({ provider, operationId, facadeOptions, values, env, endpoint }) {
  if (provider === "aliyun-ens" && operationId === "ListBucketsByGet") return ensByGet(values, env, endpoint);
  if (provider === "hitachi-vsp-one-object" && operationId === "GetCsrfToken") return hitachiCsrf(values, endpoint);
  const path = facadeOptions?.addressing === "path";
  return { bare: bare(provider, values, env, endpoint, path), facade: facade(provider, values, endpoint, facadeOptions) };
}

/** ENS's GET form of ListBuckets: the bare client's GET with the page's query; the facade sends the same operation as POST. */
function ensByGet(v, env, endpoint) {
  const query = Object.fromEntries(["Prefix", "PageNumber", "PageSize"].filter((k) => v[k] !== undefined && v[k] !== "").map((k) => [k, String(v[k])]));
  const facadeValues = { ...(query.Prefix ? { prefix: query.Prefix } : {}), ...(query.PageSize ? { pageSize: Number(query.PageSize) } : {}) };
  return {
    bare: `import { createClient } from "@bucketry/aliyun-ens";
import { acs3Signer } from "@bucketry/signing";

${keys(env)}
const ens = createClient(${endpoint ? `{ baseUrl: ${js(endpoint)} }` : ""});
ens.use(acs3Signer({ credentials: { accessKeyId, accessKeySecret } }));

const { data, error } = await ens.GET("/", { params: { query: ${js(query)} } });
if (error) throw new Error(\`\${error.Code}: \${error.Message} (request id \${error.RequestId})\`);
console.log(data.TotalCount, (data.BucketInfos ?? []).map((b) => b.BucketName));
`,
    facade: facade("aliyun-ens", { ...facadeValues, ...(query.PageNumber ? { cursor: query.PageNumber } : {}) }, endpoint, undefined, "// The facade sends ListBuckets as POST (the same operation, the same answer).\n"),
  };
}

/** Hitachi's CSRF handshake: the bare GET; the facade runs it inside its calls and has none of its own. */
function hitachiCsrf(v, endpoint) {
  const baseUrl = endpoint ?? `${v.scheme ?? "https"}://${v.host}/mapi`;
  return {
    bare: `import { createClient } from "@bucketry/hitachi-vsp-one-object";

// GET /v1/csrf needs no credentials: it opens the session whose XSRF-TOKEN cookie later calls send back.
const mapi = createClient({ baseUrl: ${js(baseUrl)} });
const { response, error } = await mapi.GET("/v1/csrf", {});
if (error !== undefined || !response.ok) throw new Error(\`GET /v1/csrf answered HTTP \${response.status}\`);
console.log(response.status, response.headers.getSetCookie().map((c) => c.split("=")[0]));
`,
    facade: `// The facade has no call of its own for GET /v1/csrf: every listBuckets call opens (and renews) the
// CSRF session itself, through hitachiSession from @bucketry/signing. See this vendor's list_buckets page.
`,
  };
}

function keys(env) {
  return `const { ${env.accessKeyId}: accessKeyId = "", ${env.accessKeySecret}: accessKeySecret = "" } = process.env;`;
}

function bare(provider, v, env, endpoint, pathStyle = false) {
  switch (provider) {
    case "aliyun-ens": {
      const query = { ...(v.prefix ? { Prefix: String(v.prefix) } : {}), ...(v.cursor !== undefined ? { PageNumber: String(v.cursor) } : {}), ...(v.pageSize ? { PageSize: String(v.pageSize) } : {}) };
      return `import { createClient } from "@bucketry/aliyun-ens";
import { acs3Signer } from "@bucketry/signing";

${keys(env)}
const ens = createClient({ ${endpoint ? `baseUrl: ${js(endpoint)}, ` : ""}actionAndVersion: "headers" });
ens.use(acs3Signer({ credentials: { accessKeyId, accessKeySecret } }));

const { data, error } = await ens.POST("/", { params: { query: ${js(query)} } });
if (error) throw new Error(\`\${error.Code}: \${error.Message} (request id \${error.RequestId})\`);
console.log(data.TotalCount, (data.BucketInfos ?? []).map((b) => b.BucketName));
`;
    }
    case "huaweicloud-mpc":
      return `import { createClient } from "@bucketry/huaweicloud-mpc";
import { sdkHmacSha256Signer } from "@bucketry/signing";

${keys(env)}
const projectId = ${js(String(v.projectId ?? ""))};
const mpc = createClient({ ${endpoint ? `baseUrl: ${js(endpoint)}` : `region: ${js(v.region)}`} });
mpc.use(sdkHmacSha256Signer({ credentials: { accessKeyId, accessKeySecret }, projectId }));

const { data, error } = await mpc.GET("/v1/{project_id}/buckets", { params: { path: { project_id: projectId } } });
if (error) throw new Error(\`\${"error_code" in error ? error.error_code : "error"}: \${"error_msg" in error ? error.error_msg : ""}\`);
console.log((data.buckets ?? []).map((b) => b.bucket));
`;
    case "baidu-bos": {
      const bucket = String(v.bucket ?? "");
      return `import { createClient } from "@bucketry/baidu-bos";
import { bceV1Signer } from "@bucketry/signing";

${keys(env)}
${
  endpoint || pathStyle
    ? `// ${endpoint ? "An endpoint of your own is addressed path-style" : "Path-style, the API page's form"}: {endpoint}/v1/{bucketName}?acl
const bos = createClient(${endpoint ? `{ baseUrl: ${js(endpoint)} }` : `{ region: ${js(v.region)} }`});
bos.use(bceV1Signer({ credentials: { accessKeyId, accessKeySecret } }));
const { data, error } = await bos.GET("/v1/{bucketName}", { params: { path: { bucketName: ${js(bucket)} } } });`
    : `// Virtual-hosted: https://{bucket}.{region}.bcebos.com/?acl
const bos = createClient({ region: ${js(v.region)}, bucket: ${js(bucket)} });
bos.use(bceV1Signer({ credentials: { accessKeyId, accessKeySecret } }));
const { data, error } = await bos.GET("/", {});`
}
if (error) throw new Error(\`\${error.code}: \${error.message} (request id \${error.requestId})\`);
console.log(data.owner.id, data.accessControlList.map((g) => g.permission.join(",")));
`;
    }
    case "hitachi-vsp-one-object": {
      const baseUrl = endpoint ?? `${v.scheme ?? "https"}://${v.host}/mapi`;
      const body = { id: v.userId ?? 0, ...(v.pageSize ? { count: v.pageSize } : {}) };
      return `import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { hitachiSession } from "@bucketry/signing";

const baseUrl = ${js(baseUrl)};
const mapi = createClient({ baseUrl });
mapi.use(hitachiSession({ baseUrl, credentials: { token: process.env.${env.token} ?? "" } }));

const { data, error } = await mapi.POST("/v1/user/list_buckets", { body: ${js(body)} });
if (error) throw new Error(\`list_buckets failed: \${JSON.stringify(error)}\`);
const page = Array.isArray(data) ? { buckets: data } : data; // 2.x/3.0 answer a bare array
console.log((page?.buckets ?? []).map((b) => b.bucketName));
`;
    }
    case "aliyun-oss": {
      const bucket = String(v.bucket ?? "");
      return `import { createClient } from "@bucketry/aliyun-oss";
import { ossV4Signer } from "@bucketry/signing";

${keys(env)}
${
  endpoint
    ? `// An endpoint of your own is addressed path-style: {endpoint}/{bucket}/?acl
const oss = createClient({ baseUrl: ${js(`${endpoint.replace(/\/+$/, "")}/${bucket}`)} });
oss.use(ossV4Signer({ region: ${js(v.region)}, bucket: ${js(bucket)}, addressing: "path", credentials: { accessKeyId, accessKeySecret } }));`
    : `const oss = createClient({ region: ${js(v.region)}, bucket: ${js(bucket)} });
oss.use(ossV4Signer({ region: ${js(v.region)}, credentials: { accessKeyId, accessKeySecret } }));`
}

const { data, error } = await oss.GET("/", {});
if (error) throw new Error(\`\${error.Code}: \${error.Message} (request id \${error.RequestId})\`);
console.log(data.Owner.ID, data.AccessControlList.Grant);
`;
    }
    default:
      throw new Error(`snippets: unknown provider ${provider}`);
  }
}

function facade(provider, v, endpoint, facadeOptions, note = "") {
  const options = { ...facadeOptions };
  if (v.region !== undefined && provider !== "hitachi-vsp-one-object") options.region = v.region;
  if (v.projectId !== undefined) options.projectId = String(v.projectId);
  if (provider === "hitachi-vsp-one-object") options.endpoint = endpoint ?? `${v.scheme ?? "https"}://${v.host}/mapi`;
  else if (endpoint) options.endpoint = endpoint;
  const call =
    provider === "aliyun-oss" || provider === "baidu-bos"
      ? `const acl = await client.getBucketAcl(${js(String(v.bucket ?? ""))});
console.log(acl.owner, acl.grants);`
      : `// One page, as the page sent it; client.listBuckets(…) iterates over every page.
const page = await client.listBucketsPage(${js({ ...(v.prefix ? { prefix: String(v.prefix) } : {}), ...(v.pageSize ? { pageSize: Number(v.pageSize) } : {}), ...(v.userId !== undefined ? { userId: v.userId } : {}), ...(v.cursor !== undefined ? { cursor: String(v.cursor) } : {}) })});
for (const bucket of page.buckets) console.log(bucket.name, bucket.createdAt?.toISOString() ?? "");
console.log(\`\${page.buckets.length} bucket\${page.buckets.length === 1 ? "" : "s"}\${page.nextCursor ? \`; next page: cursor \${page.nextCursor}\` : ""}\`);`;
  return `${note}import { createBucketClient, isBucketryError } from "bucketry/${provider}";

// Keys come from the vendor's environment variables (or pass \`credentials\`).
const client = createBucketClient(${js(options)});
try {
  ${call.split("\n").join("\n  ")}
} catch (err) {
  if (!isBucketryError(err)) throw err;
  console.error(err.kind, err.code, err.requestId); // e.g. Throttled, retried already; SignatureMismatch
  process.exitCode = 1;
}
`;
}
