// Generated bad inputs for a channel, from one valid sample: the whole input replaced by junk,
// each field removed or replaced by each hostile value, unknown and prototype-polluting keys
// added, one level deep. `mustFail` marks the ones no schema may accept.

export interface BadInput {
  label: string;
  value: unknown;
  mustFail: boolean;
}

const HUGE = 'x'.repeat(1_000_000);

/** Values no field in the contract accepts. */
const ALWAYS_BAD: ReadonlyArray<[string, unknown]> = [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['a 1 MB string', HUGE],
  ['a nested junk array', [[{ a: 1 }], null]],
  ['a Date', new Date(Number.NaN)],
  ['a Map', new Map([['a', 1]])],
];

/** Values some fields accept (null for a nullable, {} for an all-optional object…). */
const SOMETIMES_BAD: ReadonlyArray<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['Number.MAX_VALUE', Number.MAX_VALUE],
  ['true', true],
  ['the empty string', ''],
  ['a traversal path', '../../../../etc/passwd'],
  ['a NUL', 'a\0b'],
  ['an empty object', {}],
  ['an empty array', []],
];

function pollutingKeys(): Array<[string, Record<string, unknown>]> {
  // JSON.parse makes "__proto__" an own property, as a structured clone from the renderer does.
  return [
    ['an own __proto__ key', JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>],
    ['a constructor.prototype key', { constructor: { prototype: { polluted: 'yes' } } }],
    ['an unknown key', { unexpected: 1 }],
  ];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function badInputsFor(sample: unknown): BadInput[] {
  const out: BadInput[] = [];
  const takesNothing = sample === undefined;
  for (const [label, value] of [...ALWAYS_BAD, ...SOMETIMES_BAD]) {
    if (value === undefined) continue;
    // A channel that takes nothing refuses everything; others refuse the always-bad values.
    out.push({ label: `input = ${label}`, value, mustFail: takesNothing || ALWAYS_BAD.some(([l]) => l === label) });
  }
  for (const [label, extra] of pollutingKeys()) out.push({ label: `input = ${label}`, value: extra, mustFail: true });
  if (isPlainObject(sample)) out.push(...mutateObject(sample, ''));
  return out;
}

function mutateObject(sample: Record<string, unknown>, prefix: string): BadInput[] {
  const out: BadInput[] = [];
  for (const key of Object.keys(sample)) {
    const without = { ...sample };
    delete without[key];
    out.push({ label: `${prefix}${key} removed`, value: without, mustFail: false });
    for (const [label, value] of ALWAYS_BAD) out.push({ label: `${prefix}${key} = ${label}`, value: { ...sample, [key]: value }, mustFail: true });
    for (const [label, value] of SOMETIMES_BAD) out.push({ label: `${prefix}${key} = ${label}`, value: { ...sample, [key]: value }, mustFail: false });
    const nested = sample[key];
    if (isPlainObject(nested) && prefix === '') {
      for (const inner of mutateObject(nested, `${key}.`)) {
        out.push({ ...inner, value: { ...sample, [key]: inner.value } });
      }
    }
  }
  for (const [label, extra] of pollutingKeys()) {
    // Spread, not Object.assign: assigning "__proto__" would set the prototype instead of adding a key.
    // Inside a record (model params) an unknown key is a legitimate parameter name.
    out.push({ label: `${prefix}plus ${label}`, value: { ...sample, ...extra }, mustFail: prefix === '' || label !== 'an unknown key' });
  }
  return out;
}
