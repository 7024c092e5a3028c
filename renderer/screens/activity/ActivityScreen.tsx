// Placeholder while this screen is being built.
export function ActivityScreen() {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Activity</h1>
      </header>
    </section>
  );
}
