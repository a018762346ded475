// Placeholder until the screen is built.
export function SparesPage() {
  return <div>SparesPage</div>;
}
