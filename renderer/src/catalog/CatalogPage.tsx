// Placeholder until the screen is built.
export function CatalogPage() {
  return <div>CatalogPage</div>;
}
