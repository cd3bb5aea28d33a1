// The spec's documented success answers: what the adapters start from, and what the runtime answers with for an
// operation its adapter does not answer itself (see `VendorAdapter.answers`).
import type { OperationSpec, Reply } from "./types.js";

/** The first 2xx example of an operation (optionally a named one), with its status. */
export function successExample(op: OperationSpec, name?: string): { status: number; mediaType: string; value: unknown } | undefined {
  for (const [status, response] of Object.entries(op.responses)) {
    if (!status.startsWith("2")) continue;
    for (const [mediaType, media] of Object.entries(response.content)) {
      if (name !== undefined && name in media.examples) return { status: Number(status), mediaType, value: media.examples[name] };
      const first = Object.values(media.examples)[0];
      if (name === undefined && first !== undefined) return { status: Number(status), mediaType, value: first };
    }
  }
  return undefined;
}

/**
 * The operation's documented success answer, as the spec gives it; without a 2xx example, a 501 that says what the
 * mock lacks (the adapter does not answer the operation, and its spec documents no answer to give instead).
 */
export function documentedAnswer(op: OperationSpec, provider: string): Reply {
  const example = successExample(op);
  if (example === undefined) {
    const text = `@bucketry/mocks: no answer for ${op.operationId}: the ${provider} adapter does not answer it (its \`answers\`), and its spec documents no 2xx example`;
    return { status: 501, headers: new Headers({ "content-type": "text/plain; charset=utf-8" }), body: text };
  }
  const body = typeof example.value === "string" ? example.value : JSON.stringify(example.value);
  return { status: example.status, headers: new Headers({ "content-type": example.mediaType }), body };
}
