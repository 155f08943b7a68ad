// Run against the loader built from _aot_hostile.ts (copied next to it as attacks.ts): the same
// look-alike arguments as hostile_test.ts, through the AOT guards. Prints one line per case.
// deno-lint-ignore-file no-explicit-any
import total, { clz, failure as fill } from "./_aot_hostile.ts"; // ./mod.ts (the loader) once copied

const out = (k: string, f: () => unknown) => {
  try {
    console.log(k, String(f()));
  } catch (e) {
    console.log(k, `${(e as Error).name}: ${(e as Error).message.split("\n")[0]}`);
  }
};
class LongLength extends Float64Array {
  override get length() {
    return 1 << 20;
  }
}
const buf = new ArrayBuffer(8 * 16);
new Float64Array(buf).fill(-7);
const evil = new LongLength(buf, 8 * 6, 4);
evil.set([1, 2, 3, 4]);
out("subclass", () => total(evil));
fill(evil, 5);
out("fence", () => new Float64Array(buf).filter((v) => v === -7).length);
const u8 = new Uint8Array([1, 2, 3]);
Object.setPrototypeOf(u8, Float64Array.prototype);
fill(u8 as any, 300);
out("swapped", () => [...new Uint8Array(u8.buffer)].join(" "));
out("proxy", () => total(new Proxy(new Float64Array(2), {}) as any));
out("dataview", () => total(new DataView(new ArrayBuffer(8)) as any));
const d = new ArrayBuffer(8);
const detached = new Float64Array(d);
structuredClone(d, { transfer: [d] });
out("detached", () => total(detached));
out("kind", () => fill(new Int32Array(2) as any, 1));
out("clz", () => [clz(1), clz(0), clz(-1)].join(" "));
out("name", () => `${total.name} ${fill.name}`);
