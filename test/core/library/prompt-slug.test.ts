import { describe, expect, it } from 'vitest';
import { EMPTY_SLUG, promptSlug, SLUG_MAX_LENGTH } from '../../../electron/core/library/prompt-slug';

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('promptSlug', () => {
  it('joins the words of a prompt in lower case', () => {
    expect(promptSlug('A Red Lighthouse at Dusk!')).toBe('a-red-lighthouse-at-dusk');
    expect(promptSlug('  portrait,   85mm -- f/1.8  ')).toBe('portrait-85mm-f-1-8');
  });

  it('folds accents and Latin letters NFKD leaves alone', () => {
    expect(promptSlug("Café crème à l'Été")).toBe('cafe-creme-a-l-ete');
    expect(promptSlug('Straße in Ærøskøbing, Łódź')).toBe('strasse-in-aeroskobing-lodz');
    expect(promptSlug('ﬁne ＦＵＬＬＷＩＤＴＨ ①')).toBe('fine-fullwidth-1');
  });

  it('drops emoji and scripts it cannot spell, and says untitled when nothing is left', () => {
    expect(promptSlug('🦊 fox in a 🌲 forest')).toBe('fox-in-a-forest');
    expect(promptSlug('🦊🌲✨')).toBe(EMPTY_SLUG);
    expect(promptSlug('富士山の夕焼け')).toBe(EMPTY_SLUG);
    expect(promptSlug('')).toBe(EMPTY_SLUG);
    expect(promptSlug('   \n\t ')).toBe(EMPTY_SLUG);
    expect(promptSlug('?!... ---')).toBe(EMPTY_SLUG);
  });

  it('cuts a long prompt at a word boundary', () => {
    const prompt = 'an extremely detailed matte painting of a sprawling cyberpunk city at night in the rain';
    const slug = promptSlug(prompt);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe('an-extremely-detailed-matte-painting-of-a');
    expect(`${promptSlug(prompt, 1000)}-`.startsWith(`${slug}-`)).toBe(true);
  });

  it('cuts a single word longer than the limit instead of dropping it', () => {
    const slug = promptSlug('x'.repeat(200));
    expect(slug).toBe('x'.repeat(SLUG_MAX_LENGTH));
  });

  it('never produces a Windows device name', () => {
    for (const name of ['con', 'CON', 'Aux', 'nul', 'prn', 'com1', 'LPT9', 'con.']) {
      const slug = promptSlug(name);
      expect(slug).toMatch(SAFE);
      expect(slug).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
    }
    expect(promptSlug('con')).toBe('con-img');
    expect(promptSlug('con artist')).toBe('con-artist');
  });

  it('is always a safe file name part on every OS', () => {
    const nasty = ['a/b\\c:d*e?f"g<h>i|j', 'name.', 'trailing dots...', '\u0000ctrl\u0007chars', '../../etc/passwd', 'Ω≈ç√∫', 'C:\\Windows'];
    for (const prompt of nasty) {
      const slug = promptSlug(prompt);
      expect(slug, prompt).toMatch(SAFE);
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    }
  });
});
