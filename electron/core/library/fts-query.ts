// Turns what a person types into the search box into an FTS5 MATCH expression that can never be
// a syntax error. Every whitespace-separated piece becomes a quoted string (FTS5's own tokenizer
// then splits it, exactly as it split the indexed prompt), so quotes, `AND`, `OR`, `NEAR`, `*`,
// `:`, `^` and parentheses are searched for as text instead of being parsed as operators. The last
// piece is a prefix query, so results follow the person's typing ("lightho" finds "lighthouse").

/** `null` means the text holds nothing to search for, and no text filter applies. */
export function toFtsQuery(text: string): string | null {
  const pieces = text.split(/\s+/u).filter((p) => p.length > 0);
  if (pieces.length === 0) return null;
  return pieces
    .map((piece, i) => {
      // Doubling a quote is the only escape FTS5 strings have. NUL would end the string early
      // in the tokenizer, so it goes too.
      const quoted = `"${piece.replace(/\0/g, '').replace(/"/g, '""')}"`;
      return i === pieces.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}
