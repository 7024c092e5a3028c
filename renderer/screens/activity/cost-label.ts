// What a finished job cost, as its card says it: the sandbox (and any job a vendor did not
// charge for) is "Free", not "0 credits"; otherwise credits, singular where it is one.
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });

export function costLabel(credits: number): string {
  if (credits === 0) return 'Free';
  return `${number.format(credits)} ${credits === 1 ? 'credit' : 'credits'}`;
}
