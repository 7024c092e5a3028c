// Keys must never reach logs, error messages or saved diagnostics. Every string that leaves the
// HTTP layer goes through here with the secrets of the request that produced it.

const MASK = '‹redacted›';

/** Bearer tokens and common key headers, whatever the secret list says. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /(bearer\s+)[^\s"',;]+/gi,
  /((?:x-)?api-key["']?\s*[:=]\s*["']?)[^\s"',;]+/gi,
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would mangle ordinary words; real keys are long.
    if (secret.length >= 6) out = out.split(secret).join(MASK);
  }
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, `$1${MASK}`);
  return out;
}
