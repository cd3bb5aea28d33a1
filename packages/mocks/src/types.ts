// Shapes of the data scripts/generate-mocks.mjs extracts from each spec (src/generated/<vendor>.ts).
import type { Provider } from "bucketry";

export type { Provider };

/** A JSON Schema (2020-12, as OpenAPI 3.1 writes it) with every `$ref` inlined. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export interface ServerVariableSpec {
  default: string;
  enum?: string[];
}

export interface ServerSpec {
  /** URL template, e.g. `https://{bucket}.oss-{region}.aliyuncs.com`. */
  url: string;
  variables: Record<string, ServerVariableSpec>;
}

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie" | string;
  required: boolean;
  schema: JsonSchema;
  allowEmptyValue?: boolean;
  deprecated?: boolean;
  /** Carried by a security scheme (e.g. X-XSRF-TOKEN, Cookie): verified by the auth step, not by validation. */
  security?: boolean;
}

export interface MediaSpec {
  schema?: JsonSchema;
  /** Example name → value (XML examples are strings). */
  examples: Record<string, unknown>;
}

export interface HeaderSpec {
  required: boolean;
  schema?: JsonSchema;
}

export interface ResponseSpec {
  headers: Record<string, HeaderSpec>;
  content: Record<string, MediaSpec>;
}

export interface OperationSpec {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  path: string;
  summary: string;
  servers: ServerSpec[];
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; content: Record<string, MediaSpec> };
  /** Status code (or `4XX` / `default`) → response. */
  responses: Record<string, ResponseSpec>;
  security: Array<Record<string, string[]>>;
}

/** A documented error: the vendor code (or the status, where the page gives no distinct code) and its example. */
export interface ErrorExample {
  code: string;
  status: number;
  operations: string[];
  mediaType?: string;
  example?: string;
  body?: unknown;
}

export interface VendorSpec {
  provider: Provider;
  /** Spec file, relative to the repo root. */
  source: string;
  title: string;
  version: string;
  operations: Record<string, OperationSpec>;
  errors: ErrorExample[];
}
