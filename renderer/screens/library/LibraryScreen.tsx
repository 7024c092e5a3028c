// Placeholder while this screen is being built.
export function LibraryScreen() {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Library</h1>
      </header>
    </section>
  );
}
