// Placeholder until the screen is built.
export function DeviceFormPage() {
  return <div>DeviceFormPage</div>;
}
