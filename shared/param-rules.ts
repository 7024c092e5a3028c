// What a model takes for one of its parameters, read the same way on both sides of the bridge:
// the core refuses a request with these words before anything is sent, and the Create form marks
// the field with them (and drops a value when the person switches to a model that would refuse
// it). One reading, so the form never shows a value as fine that the core then refuses.
import type { ParamSpec } from './catalog';

export type ParamValue = string | number | boolean;

export type ParamReading = { ok: true; value: ParamValue } | { ok: false; problem: string };

/** "a", "a or b", "a, b or c". */
export function listOr(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * The value as the vendor gets it (an enum's text, a number, a boolean from "true" or "off"),
 * or why it is refused. `subject` names the field in the message: its label in the form, the
 * label and the model where the request is checked.
 */
export function readParam(spec: ParamSpec, value: ParamValue, subject: string = spec.label): ParamReading {
  const text = String(value).trim();
  const no = (problem: string): ParamReading => ({ ok: false, problem });
  switch (spec.type) {
    case 'enum':
      return spec.options.includes(text) ? { ok: true, value: text } : no(`${subject} must be ${listOr(spec.options)} (got "${text}").`);
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (['true', 'yes', '1', 'on'].includes(text.toLowerCase())) return { ok: true, value: true };
      if (['false', 'no', '0', 'off'].includes(text.toLowerCase())) return { ok: true, value: false };
      return no(`${subject} must be true or false (got "${text}").`);
    case 'number': {
      const n = typeof value === 'number' ? value : Number(text);
      if (!Number.isFinite(n) || text === '') return no(`${subject} must be a number (got "${text}").`);
      if (spec.options && !spec.options.includes(n)) return no(`${subject} must be ${listOr(spec.options.map(String))} (got ${n}).`);
      if (spec.min !== undefined && n < spec.min) return no(`${subject} must be at least ${spec.min} (got ${n}).`);
      if (spec.max !== undefined && n > spec.max) return no(`${subject} must be at most ${spec.max} (got ${n}).`);
      if (spec.step !== undefined && spec.min !== undefined && (n - spec.min) % spec.step !== 0) {
        return no(`${subject} goes in steps of ${spec.step} from ${spec.min} (got ${n}).`);
      }
      return { ok: true, value: n };
    }
    case 'string':
      if (spec.maxLength !== undefined && text.length > spec.maxLength) return no(`${subject} is limited to ${spec.maxLength} characters.`);
      return { ok: true, value: text };
  }
}
