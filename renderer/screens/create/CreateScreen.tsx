// Placeholder while this screen is being built.
export function CreateScreen() {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Create</h1>
      </header>
    </section>
  );
}
