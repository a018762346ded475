// Placeholder until the screen is built.
export function LabelsPage() {
  return <div>LabelsPage</div>;
}
