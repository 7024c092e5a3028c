// A vendor request described as data. Adapters build these; only the HTTP layer sends them.
// Keeping requests as plain values lets adapters stay pure and lets tests assert on them.

export interface MultipartFile {
  /** Local path; the HTTP layer streams it so large references never sit in memory twice. */
  path: string;
  filename: string;
  contentType: string;
}

export type MultipartField = { name: string; value: string } | { name: string; file: MultipartFile };

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; fields: MultipartField[] };

export interface RequestSpec {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: RequestBody;
}

/** A vendor's answer, read whole (vendor JSON answers are small). */
export interface VendorResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text; adapters parse it with their zod schemas. */
  text: string;
}
