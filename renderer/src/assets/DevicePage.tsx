// Placeholder until the screen is built.
export function DevicePage() {
  return <div>DevicePage</div>;
}
