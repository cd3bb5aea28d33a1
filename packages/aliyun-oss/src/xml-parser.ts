// A small, strict, non-validating XML 1.0 parser for OSS response bodies. Hand-written because every
// maintained parser measured exceeds the 10 kB gzipped browser budget for client + signing + XML
// (gzipped alone: @rgrove/parse-xml 4.8 kB (4.2.3) / 4.5 kB (5.0), saxen 3.1 kB without a tree, fast-xml-parser
// 22.1 kB; this file 2.0 kB — README "XML parsing").
// It checks well-formedness (one root, matched tags, unique attributes, legal names, characters and
// references) and refuses any DOCTYPE: OSS never sends one, and without a DTD no entity can be defined,
// so entity-expansion ("billion laughs") and external-entity documents cannot be expanded.
// Linear time: one left-to-right pass, sticky regexes without nested quantifiers, an explicit stack.
// Its output is checked against @rgrove/parse-xml on random documents (test/xml-parser.test.ts).

/** An element: its name, its child elements and the text of all its descendant text and CDATA nodes. */
export interface XmlElementNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElementNode[];
  text: string;
}

export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
}

/** Deeper nesting than any OSS body, and shallow enough for recursive readers of the tree. */
export const MAX_XML_DEPTH = 256;

const NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const NAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, "uy");
const SPACE = /[ \t\n]*/y;
// A character outside XML 1.0's Char production (C0 controls, lone surrogates, U+FFFE/U+FFFF).
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

export function parseXmlDocument(input: string): XmlElementNode {
  // Line-end normalization (XML 1.0 §2.11) before anything else; a leading byte-order mark is not content.
  const xml = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const bad = ILLEGAL_CHAR.exec(xml);
  if (bad) fail(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML`, bad.index);

  let pos = 0;
  let root: XmlElementNode | undefined;
  const open: XmlElementNode[] = [];

  function fail(message: string, at: number): never {
    const line = xml.slice(0, at).split("\n").length;
    throw new XmlSyntaxError(`${message} (line ${line}, offset ${at})`);
  }
  const skipSpace = (): boolean => {
    SPACE.lastIndex = pos;
    SPACE.test(xml);
    const moved = SPACE.lastIndex > pos;
    pos = SPACE.lastIndex;
    return moved;
  };
  const name = (what: string): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(xml);
    if (!m) fail(`expected ${what}`, pos);
    pos = NAME.lastIndex;
    return m[0];
  };
  const consume = (literal: string): void => {
    if (!xml.startsWith(literal, pos)) fail(`expected "${literal}"`, pos);
    pos += literal.length;
  };
  const until = (terminator: string, what: string): string => {
    const end = xml.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`, pos);
    const body = xml.slice(pos, end);
    pos = end + terminator.length;
    return body;
  };

  /** Decodes character and predefined entity references; any other entity is undefined (there is no DTD). */
  const decode = (raw: string, at: number): string =>
    raw.indexOf("&") < 0
      ? raw
      : raw.replace(/&([^;&]*);|&/g, (whole, ref: string | undefined, offset: number) => {
          if (ref === undefined) fail('"&" must start a reference like &amp;', at + offset);
          if (ref in PREDEFINED) return PREDEFINED[ref]!;
          const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
          if (!num) fail(ref.startsWith("#") ? `malformed character reference "${whole}"` : `undefined entity "${whole}" (documents with a DTD are not accepted)`, at + offset);
          const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
          const ch = code <= 0x10ffff ? String.fromCodePoint(code) : "";
          if (ch === "" || ILLEGAL_CHAR.test(ch)) fail(`character reference "${whole}" is not a legal XML character`, at + offset);
          return ch;
        });

  const comment = (): void => {
    pos += 4; // "<!--"
    const body = until("-->", "comment");
    if (body.includes("--") || body.endsWith("-")) fail('"--" is not allowed inside a comment', pos);
  };
  const processingInstruction = (): void => {
    const at = pos;
    pos += 2; // "<?"
    const target = name("a processing-instruction target");
    if (target.toLowerCase() === "xml") fail("an XML declaration is only allowed at the very start", at);
    if (!xml.startsWith("?>", pos) && !skipSpace()) fail('expected "?>"', pos);
    until("?>", "processing instruction");
  };
  /** Misc (XML 1.0 [27]) outside the root: whitespace, comments, processing instructions. */
  const misc = (allowDoctype: boolean): void => {
    for (;;) {
      skipSpace();
      if (xml.startsWith("<!--", pos)) comment();
      else if (xml.startsWith("<?", pos)) processingInstruction();
      else if (xml.startsWith("<!DOCTYPE", pos)) fail(allowDoctype ? "a DOCTYPE is not accepted in a response body" : "a DOCTYPE must precede the root element", pos);
      else return;
    }
  };

  const startTag = (): void => {
    const at = pos;
    pos += 1; // "<"
    const el: XmlElementNode = { name: name("an element name"), attributes: {}, children: [], text: "" };
    const attributes = el.attributes as Record<string, string>;
    for (;;) {
      const spaced = skipSpace();
      if (xml.startsWith("/>", pos) || xml[pos] === ">") break;
      if (!spaced) fail("expected whitespace, \">\" or \"/>\"", pos);
      const attr = name("an attribute name");
      if (Object.hasOwn(attributes, attr)) fail(`duplicate attribute "${attr}"`, pos);
      skipSpace();
      consume("=");
      skipSpace();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail("expected a quoted attribute value", pos);
      pos += 1;
      const valueAt = pos;
      const raw = until(quote, "attribute value");
      if (raw.includes("<")) fail('"<" is not allowed in an attribute value', valueAt + raw.indexOf("<"));
      attributes[attr] = decode(raw.replace(/[\t\n]/g, " "), valueAt);
    }
    const parent = open[open.length - 1];
    if (parent) parent.children.push(el);
    else if (root) fail("only one root element is allowed", at);
    else root = el;
    if (xml.startsWith("/>", pos)) {
      pos += 2;
      return;
    }
    pos += 1;
    if (open.length >= MAX_XML_DEPTH) fail(`elements nested deeper than ${MAX_XML_DEPTH}`, at);
    open.push(el);
  };
  const endTag = (): void => {
    const at = pos;
    pos += 2; // "</"
    const closing = name("an element name");
    skipSpace();
    consume(">");
    const el = open.pop()!;
    if (closing !== el.name) fail(`</${closing}> does not close <${el.name}>`, at);
    // An element's text is all its descendants' text: hand it up once, when the element closes.
    const parent = open[open.length - 1];
    if (parent && el.text !== "") parent.text += el.text;
  };
  const addText = (text: string): void => {
    open[open.length - 1]!.text += text;
  };

  if (xml.startsWith("<?xml", pos) && /[ \t\n?]/.test(xml[pos + 5] ?? "")) xmlDeclaration();
  misc(true);
  if (xml[pos] !== "<") fail(pos >= xml.length ? "no root element" : "text is not allowed before the root element", pos);
  startTag();
  while (open.length > 0) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) fail(`unclosed element <${open[open.length - 1]!.name}>`, xml.length);
    if (lt > pos) {
      const raw = xml.slice(pos, lt);
      const cdataEnd = raw.indexOf("]]>");
      if (cdataEnd >= 0) fail('"]]>" is not allowed in text', pos + cdataEnd);
      addText(decode(raw, pos));
      pos = lt;
    }
    if (xml.startsWith("</", pos)) endTag();
    else if (xml.startsWith("<!--", pos)) comment();
    else if (xml.startsWith("<![CDATA[", pos)) {
      pos += 9;
      addText(until("]]>", "CDATA section"));
    } else if (xml.startsWith("<?", pos)) processingInstruction();
    else if (xml.startsWith("<!", pos)) fail("a declaration is not allowed inside an element", pos);
    else startTag();
  }
  misc(false);
  if (pos < xml.length) fail(xml[pos] === "<" ? "only one root element is allowed" : "text is not allowed after the root element", pos);
  return root!;

  /** `<?xml version="1.x" encoding="…" standalone="yes|no"?>` — checked, then ignored (input is already text). */
  function xmlDeclaration(): void {
    const at = pos;
    pos += 5;
    const decl = until("?>", "XML declaration");
    const m = /^[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*$/.exec(decl);
    if (!m) fail("malformed XML declaration", at);
  }
}
