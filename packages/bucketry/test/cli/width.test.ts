// Display width of table cells. Every expected width is a fact of the Unicode standard written out by hand
// (East Asian Width from https://www.unicode.org/reports/tr11/ (UAX #11), general category, Emoji_Presentation), not computed.
import { describe, expect, it } from "vitest";
import { table, style } from "../../src/cli/output.js";
import { displayWidth } from "../../src/cli/width.js";

describe("displayWidth", () => {
  it.each([
    ["ASCII", "abc", 3],
    ["U+4E2D CJK ideograph (EAW W)", "\u4e2d", 2],
    ["Chinese bucket name, four ideographs", "\u4e2d\u6587\u6876\u540d", 8],
    ["U+20000 CJK Extension B (EAW W; two UTF-16 units, one code point)", "\u{20000}", 2],
    ["U+3042 hiragana A (EAW W)", "\u3042", 2],
    ["U+AC00 Hangul syllable GA (EAW W)", "\uac00", 2],
    ["U+1100 U+1161 Hangul jamo L+V (EAW W + a vowel that joins it)", "\u1100\u1161", 2],
    ["U+FF21 fullwidth A (EAW F)", "\uff21", 2],
    ["U+3000 ideographic space (EAW F)", "\u3000", 2],
    ["U+FF76 halfwidth katakana KA (EAW H)", "\uff76", 1],
    ["U+03B1 Greek alpha (EAW A: narrow outside CJK locales)", "\u03b1", 1],
    ["U+0301 combining acute alone (Mn)", "\u0301", 0],
    ["e + U+0301 (one grapheme)", "e\u0301", 1],
    ["U+4E2D + U+0301", "\u4e2d\u0301", 2],
    ["two combining marks on a", "a\u0301\u0323", 1],
    ["U+200B zero width space (Cf, default ignorable)", "a\u200bb", 2],
    ["U+1F600 grinning face (Emoji_Presentation, EAW W)", "\u{1f600}", 2],
    ["U+1F1EF U+1F1F5 flag of Japan (regional indicator pair)", "\u{1f1ef}\u{1f1f5}", 2],
    ["family: man ZWJ woman ZWJ girl (one grapheme)", "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}", 2],
    ["U+1F44D U+1F3FD thumbs up, medium skin tone", "\u{1f44d}\u{1f3fd}", 2],
    ["U+2764 heavy black heart (text presentation, EAW N)", "\u2764", 1],
    ["U+2764 U+FE0F (emoji presentation by VS16)", "\u2764\ufe0f", 2],
  ])("%s", (_, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("table", () => {
  it("pads by display width: columns after wide characters, combining marks and emoji line up", () => {
    const rows = [
      { name: "\u4e2d\u6587", acl: "private" }, // 2 + 2 columns
      { name: "abc", acl: "public-read" },
      { name: "cafe\u0301", acl: "private" }, // 4 columns, 5 code units
      { name: "\u{1f600}x", acl: "private" }, // 2 + 1 columns, 3 code units
    ];
    const out = table(rows, [{ header: "NAME", value: (r) => r.name }, { header: "ACL", value: (r) => r.acl }], style(false));
    expect(out.split("\n")).toEqual(["NAME  ACL", "\u4e2d\u6587  private", "abc   public-read", "cafe\u0301  private", "\u{1f600}x   private", ""]);
  });

  it("right-aligned cells are padded on the left by display width", () => {
    const out = table([{ id: "\u4e2d" }, { id: "1234" }], [{ header: "ID", value: (r) => r.id, align: "right" }], style(false));
    expect(out.split("\n")).toEqual(["  ID", "  \u4e2d", "1234", ""]);
  });
});
