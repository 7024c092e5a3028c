// Placeholder while this screen is being built.
export function SettingsScreen() {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Settings</h1>
      </header>
    </section>
  );
}
