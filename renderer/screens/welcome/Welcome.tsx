// Placeholder while the first-run welcome is being built.
export function Welcome() {
  return null;
}
