// Placeholder until the screen is built.
export function ImportPage() {
  return <div>ImportPage</div>;
}
