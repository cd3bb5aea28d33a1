// XML → plain objects for OSS bodies, shaped by the spec (src/generated/xml-shapes.ts): the root element
// is unwrapped, list elements are always arrays, numbers become numbers, everything else stays a string
// (so ids like 0022012**** keep their leading zeros). The parser (./xml-parser.ts) is strict and refuses
// any DOCTYPE, so entity-expansion and external-entity documents are rejected, never expanded; README
// "XML parsing" has the measurements behind writing it.
import { parseXmlDocument, type XmlElementNode } from "./xml-parser.js";

export type XmlShape =
  | "string"
  | "number"
  | "boolean"
  | { readonly fields: { readonly [element: string]: XmlShape }; readonly property?: string }
  | { readonly list: XmlShape; readonly property?: string };

export class XmlBodyError extends Error {
  override readonly name = "XmlBodyError";
}

export interface XmlDocument {
  root: string;
  value: unknown;
}

export interface XmlReadOptions {
  /**
   * Leave out a number or boolean element whose text is not one, as an empty one is, instead of refusing the
   * body. For error bodies: an odd optional element must not take the `<Code>` and `<Message>` with it.
   */
  lenient?: boolean;
}

/** Parses `xml` and converts its root element with the shape registered for that root (if any). */
export function readXml(xml: string, shapes: { readonly [root: string]: XmlShape } = {}, { lenient }: XmlReadOptions = {}): XmlDocument {
  let root;
  try {
    root = parseXmlDocument(xml);
  } catch (err) {
    throw new XmlBodyError(`response body is not well-formed XML: ${(err as Error).message}`);
  }
  return { root: root.name, value: convert(root, shapes[root.name], root.name, lenient) };
}

function convert(el: XmlElementNode, shape: XmlShape | undefined, path: string, lenient?: boolean): unknown {
  if (shape === undefined) return convertUnshaped(el);
  if (typeof shape === "string") return scalar(el.text, shape, path, lenient);
  if ("list" in shape) return convert(el, shape.list, path, lenient);
  const out: Record<string, unknown> = {};
  for (const [name, fieldShape] of Object.entries(shape.fields)) {
    if (typeof fieldShape === "object" && "list" in fieldShape) out[fieldShape.property ?? name] = [];
  }
  for (const child of el.children) {
    const fieldShape = shape.fields[child.name];
    const key = (typeof fieldShape === "object" ? fieldShape.property : undefined) ?? child.name;
    const value = convert(child, fieldShape, `${path}.${child.name}`, lenient);
    if (value === undefined) continue; // an empty (or, lenient, ill-typed) number or boolean: the field is left out
    if (typeof fieldShape === "object" && "list" in fieldShape) (out[key] as unknown[]).push(value);
    else if (fieldShape === undefined && key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** Elements the spec does not describe (vendors add fields): text, or an object of children. */
function convertUnshaped(el: XmlElementNode): unknown {
  const children = el.children;
  if (children.length === 0) return el.text;
  const out: Record<string, unknown> = {};
  for (const child of children) {
    const value = convertUnshaped(child);
    out[child.name] = child.name in out ? ([] as unknown[]).concat(out[child.name], value) : value;
  }
  return out;
}

function scalar(text: string, type: "string" | "number" | "boolean", path: string, lenient?: boolean): unknown {
  if (type === "string") return text;
  const trimmed = text.trim();
  // XML has no null: an empty element (OSS sends <MaxAllowedSkewMilliseconds></MaxAllowedSkewMilliseconds> in
  // some <Error> bodies) holds no value. Refusing it would refuse the whole body, and with it an error's code.
  if (trimmed === "") return undefined;
  if (type === "number") {
    const n = Number(trimmed);
    if (Number.isFinite(n)) return n;
  } else if (trimmed === "true" || trimmed === "false") return trimmed === "true";
  // Lenient (an error body): no value either, rather than no body.
  if (!lenient) throw new XmlBodyError(`expected a ${type} at ${path}, got ${shown(trimmed)}`);
  return undefined;
}

/**
 * A received value for a message: whole when short, else only its length. Never cut: a caller may redact the
 * message, and a secret cut in half would no longer be recognized.
 */
function shown(value: string): string {
  return value.length <= 40 ? JSON.stringify(value) : `a value of ${value.length} characters`;
}
