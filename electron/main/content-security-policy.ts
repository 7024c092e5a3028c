// One policy for the app pages, sent as a header by the app:// handler and repeated in
// renderer/index.html's <meta> tag (a test keeps the two equal). 'self' is app://easel.
// easel-media: is the scheme that will serve library pictures, confined to the library root.

const DIRECTIVES: ReadonlyArray<readonly [name: string, sources: string]> = [
  ['default-src', "'self'"],
  ['img-src', "'self' easel-media: data: blob:"],
  ['script-src', "'self'"],
  // React sets style attributes at run time; inline styles cannot run code.
  ['style-src', "'self' 'unsafe-inline'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

// Browsers ignore these in a <meta> policy (and log a warning), so the tag leaves them out.
const HEADER_ONLY = new Set(['frame-ancestors']);

export type PolicyDelivery = 'header' | 'meta';

export function contentSecurityPolicy(delivery: PolicyDelivery = 'header'): string {
  return DIRECTIVES.filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}
