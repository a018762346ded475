// Placeholder until the screen is built.
export function AssetsPage() {
  return <div>AssetsPage</div>;
}
