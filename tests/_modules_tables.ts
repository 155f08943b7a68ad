// Module-level tables and constant objects read by jitted functions (tests/modules_test.ts).
function makeTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}
/** pako's CRC table, exported: read by reference */
export const CRC_TABLE = makeTable();
const PRIVATE = new Float64Array([1, 2, 3]); // not exported: unreachable
export const LIST = [1, 2, 3]; // a plain array: refused
export const FROZEN = Object.freeze({
  TWO_PI: 2 * Math.PI,
  EPS: 1e-9,
  inner: Object.freeze({ K: 7 }),
});
export const OPEN = { SCALE: 2 }; // not frozen: its field can change

export function crc32(crc: number, buf: Uint8Array, len: number, pos: number) {
  const t = CRC_TABLE;
  const end = pos + len;
  crc ^= -1;
  for (let i = pos; i < end; i++) crc = (crc >>> 8) ^ t[(crc ^ buf[i]) & 0xff];
  return crc ^ -1;
}
export function privateSum(x: number) {
  return x + PRIVATE[0];
}
export function listSum(x: number) {
  return x + LIST[0];
}
export function frozenUse(x: number) {
  return x * FROZEN.TWO_PI + FROZEN.EPS + FROZEN.inner.K;
}
export function openUse(x: number) {
  return x * OPEN.SCALE;
}
