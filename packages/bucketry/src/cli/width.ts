// How many terminal columns a string takes, for aligning the CLI's tables. A bucket name, an owner's display
// name or a region can be Chinese, Japanese or Korean (two columns a character), carry combining marks (none)
// or emoji (two): counting UTF-16 code units or code points misaligns every column after such a value.
//
// Per grapheme cluster (Intl.Segmenter: a base character and whatever combines with it, an emoji ZWJ sequence,
// a flag's two regional indicators): its first code point decides, as terminals do.
//   0  combining marks (Mn, Me), controls (Cc) and default-ignorable code points (ZWSP, ZWJ, variation selectors…)
//   2  East Asian Width W or F (UAX #11, https://www.unicode.org/reports/tr11/), an emoji shown as emoji
//      (Emoji_Presentation, or any Emoji followed by VS16 U+FE0F)
//   1  everything else, East Asian Ambiguous (Greek, Cyrillic, box drawing) included: narrow outside CJK locales.
//
// The W/F ranges are those of the Unicode 16 East Asian Width data that are not emoji (the emoji ones are matched by
// Emoji_Presentation), merged over unassigned gaps inside a block.

const WIDE =
  /[\u1100-\u115f\u2329\u232a\u2630-\u2637\u268a-\u268f\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u2ff0-\u303e\u3041-\u3096\u3099-\u30ff\u3105-\u312f\u3131-\u318e\u3190-\u31e5\u31ef-\u321e\u3220-\u3247\u3250-\ua48c\ua490-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe52\ufe54-\ufe66\ufe68-\ufe6b\uff01-\uff60\uffe0-\uffe6\u{16fe0}-\u{16fe4}\u{16ff0}-\u{16ff6}\u{17000}-\u{18cd5}\u{18cff}-\u{18d1e}\u{1aff0}-\u{1aff3}\u{1aff5}-\u{1affb}\u{1affd}\u{1affe}\u{1b000}-\u{1b122}\u{1b132}\u{1b150}-\u{1b152}\u{1b155}\u{1b164}-\u{1b167}\u{1b170}-\u{1b2fb}\u{1d300}-\u{1d356}\u{1d360}-\u{1d376}\u{1f200}-\u{1f202}\u{1f210}-\u{1f23b}\u{1f240}-\u{1f248}\u{1f250}\u{1f251}\u{1f260}-\u{1f265}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
const ZERO = /^(?:\p{Mn}|\p{Me}|\p{Cc}|\p{Default_Ignorable_Code_Point})$/u;
const EMOJI = /^\p{Emoji}$/u;

let segmenter: Intl.Segmenter | undefined;

function graphemeWidth(cluster: string): number {
  const first = String.fromCodePoint(cluster.codePointAt(0)!);
  if (ZERO.test(first)) return 0;
  if (WIDE.test(first)) return 2;
  if (cluster.includes("\ufe0f") && EMOJI.test(first)) return 2;
  return 1;
}

/** The columns `text` takes on a terminal (a string without controls: the CLI escapes those first). */
export function displayWidth(text: string): number {
  // ASCII, the common case: one column a character.
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}
