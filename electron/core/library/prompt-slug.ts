// Turns a prompt into the readable part of a picture's file name. The result must be a valid
// name component on Windows, macOS and Linux alike (a library folder is often synced or copied
// between them), so it is restricted to lower-case ASCII letters, digits and single dashes.

/** Longest slug; keeps whole file names well inside Windows' 260-character path limit. */
export const SLUG_MAX_LENGTH = 48;

/** What a prompt with no usable letters or digits (empty, only emoji, only CJK) is called. */
export const EMPTY_SLUG = 'untitled';

/**
 * Latin letters that NFKD does not decompose into ASCII; without this table "straße" would lose
 * its "ß" and read "strae".
 */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
};

/**
 * Device names Windows refuses as a file name (with or without an extension). A slug never
 * stands alone in a file name today, but it is cheap to keep it safe on its own.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function promptSlug(prompt: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const folded = prompt
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\x00-\x7f]/g, (ch) => FOLDS[ch] ?? ' ');
  const words = folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);

  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length <= maxLength) {
      slug = next;
      continue;
    }
    // A single word longer than the limit is cut rather than dropped, so the slug still hints
    // at the prompt; otherwise stop at the last whole word that fits.
    if (!slug) slug = word.slice(0, maxLength);
    break;
  }

  if (!slug) return EMPTY_SLUG;
  if (WINDOWS_RESERVED.test(slug)) return `${slug}-img`;
  return slug;
}
