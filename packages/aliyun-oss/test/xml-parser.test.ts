// The hand-written XML parser (src/xml-parser.ts): hand-checked documents, the well-formedness errors and
// hostile documents it must refuse, and a differential property test against @rgrove/parse-xml (a
// conforming XML 1.0 parser, a devDependency used only as the oracle) on random near-valid documents.
import { parseXml, XmlElement, XmlNode } from "@rgrove/parse-xml";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_XML_DEPTH, parseXmlDocument, XmlSyntaxError, type XmlElementNode } from "../src/xml-parser.js";

interface Tree {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Tree[];
}
const ours = (el: XmlElementNode): Tree => ({ name: el.name, attributes: { ...el.attributes }, text: el.text, children: el.children.map(ours) });
const oracle = (el: XmlElement): Tree => ({
  name: el.name,
  attributes: { ...el.attributes },
  text: el.text,
  children: el.children.filter((c): c is XmlElement => c.type === XmlNode.TYPE_ELEMENT).map(oracle),
});
const leaf = (name: string, text = "", attributes: Record<string, string> = {}): Tree => ({ name, attributes, text, children: [] });

describe("parseXmlDocument: documents it reads", () => {
  it("the OSS GetBucketAcl example", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy>
    <Owner>
        <ID>0022012****</ID>
        <DisplayName>user_example</DisplayName>
    </Owner>
    <AccessControlList>
        <Grant>public-read</Grant>
    </AccessControlList>
</AccessControlPolicy>`;
    const root = ours(parseXmlDocument(xml));
    expect(root.name).toBe("AccessControlPolicy");
    expect(root.children.map((c) => c.name)).toEqual(["Owner", "AccessControlList"]);
    expect(root.children[0]!.children).toEqual([leaf("ID", "0022012****"), leaf("DisplayName", "user_example")]);
    expect(root.children[1]!.children).toEqual([leaf("Grant", "public-read")]);
  });

  it("references, CDATA, comments, processing instructions, attributes, a BOM and CRLF line ends", () => {
    const xml = '\uFEFF<?xml version="1.0"?>\r\n<!-- before --><?pi data?>\r\n<R a="1 &amp; &#x32;" b=\'x\ty\'>&lt;&gt;&amp;&apos;&quot;&#65;&#x1F600;<![CDATA[<&]]>\r\n<E/><!-- c --><?p?><F >f</F ></R>\n<!-- after -->\n';
    expect(ours(parseXmlDocument(xml))).toEqual({
      name: "R",
      attributes: { a: "1 & 2", b: "x y" },
      text: "<>&'\"A\u{1F600}<&\nf",
      children: [leaf("E"), leaf("F", "f")],
    });
  });

  it("an element's text is all its descendants' text, in document order", () => {
    expect(parseXmlDocument("<a>1<b>2<c>3</c>4</b>5</a>").text).toBe("12345");
  });
});

describe("parseXmlDocument: documents it refuses", () => {
  const refused: [string, string, RegExp][] = [
    ["empty", "", /no root element/],
    ["only a declaration", '<?xml version="1.0"?>', /no root element/],
    ["text before the root", "x<a/>", /text is not allowed before/],
    ["text after the root", "<a/>x", /text is not allowed after/],
    ["two roots", "<a/><b/>", /only one root/],
    ["mismatched tags", "<a><b></a></b>", /does not close/],
    ["an unclosed element", "<a><b></b>", /unclosed element <a>/],
    ["a truncated start tag", "<a", /expected/],
    ["a bad element name", "<1a/>", /element name/],
    ["a duplicate attribute", '<a x="1" x="2"/>', /duplicate attribute/],
    ["an unquoted attribute", "<a x=1/>", /quoted attribute/],
    ["attributes without space", '<a x="1"y="2"/>', /whitespace/],
    ["< in an attribute", '<a x="<"/>', /not allowed in an attribute/],
    ["a bare &", "<a>&</a>", /must start a reference/],
    ["an undefined entity", "<a>&nbsp;</a>", /undefined entity/],
    ["a reference to NUL", "<a>&#0;</a>", /not a legal XML character/],
    ["a reference to a surrogate", "<a>&#xD800;</a>", /not a legal XML character/],
    ["a reference past U+10FFFF", "<a>&#x110000;</a>", /not a legal XML character/],
    ["a malformed character reference", "<a>&#x;</a>", /malformed character reference/],
    ["a NUL character", "<a>\u0000</a>", /U\+0000/],
    ["]]> in text", "<a>]]></a>", /"]]>" is not allowed/],
    ["-- in a comment", "<a><!-- a -- b --></a>", /"--"/],
    ["an unterminated comment", "<a><!-- </a>", /unterminated comment/],
    ["an unterminated CDATA section", "<a><![CDATA[x</a>", /unterminated CDATA/],
    ["a late XML declaration", '<a/><?xml version="1.0"?>', /only allowed at the very start/],
    ["a malformed XML declaration", '<?xml encoding="UTF-8"?><a/>', /malformed XML declaration/],
    // XML 1.0 [32] SDDecl ::= S 'standalone' Eq …: the whitespace is required. The oracle accepts the document
    // when `standalone` follows `encoding` directly; the property test below leaves that one difference out.
    ["standalone not separated from encoding", "<?xml version='1.0' encoding='UTF-8'standalone='yes'?><a/>", /malformed XML declaration/],
    ["a declaration inside an element", "<a><!ELEMENT a ANY></a>", /declaration is not allowed/],
    ["any DOCTYPE", "<!DOCTYPE a><a/>", /DOCTYPE is not accepted/],
    ["a billion-laughs document", '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>', /DOCTYPE/],
    ["an external entity", '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', /DOCTYPE/],
    ["an entity without a DTD", "<r>&x;</r>", /undefined entity "&x;"/],
    [`nesting deeper than ${MAX_XML_DEPTH}`, "<a>".repeat(MAX_XML_DEPTH + 1) + "</a>".repeat(MAX_XML_DEPTH + 1), /nested deeper/],
  ];
  it.each(refused)("%s", (_, xml, message) => {
    expect(() => parseXmlDocument(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXmlDocument(xml)).toThrow(message);
  });

  it(`nesting of exactly ${MAX_XML_DEPTH} is read`, () => {
    expect(parseXmlDocument("<a>".repeat(MAX_XML_DEPTH) + "x" + "</a>".repeat(MAX_XML_DEPTH)).text).toBe("x");
  });

  it("errors say where: line and offset", () => {
    expect(() => parseXmlDocument("<a>\n<b>\n</c></a>")).toThrow(/line 3, offset 8/);
  });
});

// Random documents: a small grammar of well-formed pieces, then sometimes a few characters inserted,
// deleted or swapped, so both valid and subtly invalid documents are produced. No DOCTYPE: ours refuses
// every DTD on purpose, the oracle reads internal ones (that difference is pinned above).
const nameArb = fc.constantFrom("a", "B", "Grant", "x:y", "_z", "é", "a-1", "a.b", "ID");
const textArb = fc.constantFrom("", " ", "\n", "\r\n", "\r", "text", "0022012", "&amp;", "&lt;", "&#65;", "&#x1F600;", "&#0;", "&lol;", "&", "]]>", "]]", "\t", "é", "<![CDATA[c<&]]>", "<!-- c -->", "<!-- - -->", "<?pi x?>", "<?xml x?>");
const attrArb = fc.tuple(nameArb, fc.constantFrom("", "v", "&amp;", "a\tb", "a\nb", "&#10;", "<", "&x;", "'", '"')).map(([n, v]) => (v.includes('"') ? ` ${n}='${v}'` : ` ${n}="${v}"`));
const elementArb: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(nameArb, fc.array(attrArb, { maxLength: 2 })).map(([n, a]) => `<${n}${a.join("")}/>`),
    fc.tuple(nameArb, fc.array(attrArb, { maxLength: 2 }), fc.array(fc.oneof(textArb, tie("el")), { maxLength: 4 }), fc.constantFrom("", " ", "\n")).map(([n, a, kids, sp]) => `<${n}${a.join("")}>${kids.join("")}</${n}${sp}>`),
  ),
})).el;
const prologArb = fc.constantFrom("", '<?xml version="1.0"?>', "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n", "\uFEFF", "<!-- p -->\n", " ", '<?xml version="1.0" ?>');
const documentArb = fc.tuple(prologArb, elementArb, fc.constantFrom("", "\n", "<!-- e -->", "<?e?>", "x", "<b/>")).map((parts) => parts.join(""));
const mutate = (doc: string, edits: [number, number, string][]): string =>
  edits.reduce((s, [at, del, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice((at % (s.length + 1)) + del), doc);
const mutatedArb = fc.tuple(documentArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.constantFrom("", "<", ">", "&", "/", "=", '"', " ", "!", "?", "-", ";", "]")), { maxLength: 2 })).map(([d, e]) => mutate(d, e));

/** The one known disagreement (pinned in the refused list above): the oracle accepts `encoding='…'standalone=`. */
const oracleLeniency = (xml: string) => /encoding\s*=\s*(["'])[^"']*\1standalone/.test(xml);
// A fixed seed: every run checks the same documents, so no run fails by chance. Before it was fixed, 60 seeds ×
// 5000 documents found no disagreement but the one above.
const XML_RUNS = { seed: 1805869882, numRuns: 3000 };

type Outcome = { ok: true; tree: Tree } | { ok: false };
const run = (read: () => Tree): Outcome => {
  try {
    return { ok: true, tree: read() };
  } catch {
    return { ok: false };
  }
};

describe("parseXmlDocument agrees with @rgrove/parse-xml", () => {
  it("on random near-valid documents: the same documents accepted, the same tree for each", () => {
    fc.assert(
      fc.property(mutatedArb, (xml) => {
        fc.pre(!oracleLeniency(xml));
        const mine = run(() => ours(parseXmlDocument(xml)));
        const theirs = run(() => oracle(parseXml(xml).root!));
        expect(mine, xml).toEqual(theirs);
      }),
      XML_RUNS,
    );
  });

  it("anything else it throws is an XmlSyntaxError", () => {
    let thrown = 0;
    fc.assert(
      fc.property(fc.oneof(mutatedArb, fc.string({ unit: "binary" })), (xml) => {
        try {
          parseXmlDocument(xml);
        } catch (err) {
          thrown++;
          expect(err).toBeInstanceOf(XmlSyntaxError);
        }
      }),
      { ...XML_RUNS, numRuns: 2000 },
    );
    // Most of these inputs are not XML: a parser that threw nothing would pass the property above.
    expect(thrown).toBeGreaterThan(500);
  });
});
