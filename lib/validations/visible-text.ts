// Text that shows nothing: a value made only of zero-width and other
// invisible characters (U+200B zero-width space, U+2060 word joiner, U+FEFF,
// bidi marks, Hangul fillers, variation selectors, soft hyphens, …) looks
// empty on every screen, so a required field must treat it as empty.
// "Default ignorable" is Unicode's own list of characters that render as
// nothing; format characters (Cf) and white space complete it, and U+2800
// (blank Braille pattern) is a common "invisible name" trick.
//
// Only the *question* "is anything visible?" strips them. The value itself is
// kept as typed: ZWJ/ZWNJ inside real names (Persian "میخواهم", Indic
// conjuncts, emoji sequences) are meaningful and stay.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{White_Space}\u2800]/gu;

export function visibleLength(value: string): number {
  return [...value.replace(INVISIBLE, "")].length;
}

export function hasVisibleContent(value: string): boolean {
  return visibleLength(value) > 0;
}
