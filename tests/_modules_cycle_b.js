// The other half of the import cycle of _modules_cycle_a.js.
import { A } from "./_modules_cycle_a.js";
export function other() {
  return A;
}
