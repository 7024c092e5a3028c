// A parameter's problem in the words the form shows next to its field: the core's own reading
// (shared/param-rules), so a value the form accepts is one the core accepts.
import type { ParamSpec } from '../../../shared/catalog';
import { readParam, type ParamValue } from '../../../shared/param-rules';

export type { ParamValue };

export function paramProblem(spec: ParamSpec, value: ParamValue): string | null {
  const reading = readParam(spec, value);
  return reading.ok ? null : reading.problem;
}
