/**
 * Room signatures for mixed bin types with few coordinates (used by `PackState`): per bin its room, per item its
 * size, quantised per coordinate into one integer field each, so one integer test rejects most bins that
 * cannot take an item without reading their loads.
 */

/** Room signatures: SIG_BITS-bit fields (a guard bit over SIG_BITS - 1 bits of level), at most SIG_MAX_C. */
export const SIG_BITS = 7;
const SIG_LEVELS = (1 << (SIG_BITS - 1)) - 1;
export const SIG_MAX_C = 4;

/**
 * Level of x in a coordinate: floor(x / ref x levels + margin), clamped to 0..levels. Rooms get a margin
 * (ROOM_MARGIN levels, far above rounding errors) and sizes none, so a size that fits a room by the float
 * test of `fitsCap` never gets a higher level than that room.
 */
export function sigLevel(x: number, invRef: number, margin: number): number {
  const q = Math.floor(x * invRef * SIG_LEVELS + margin);
  return q < 0 ? 0 : q > SIG_LEVELS ? SIG_LEVELS : q;
}
export const ROOM_MARGIN = 1e-6;

/**
 * True when every field of room signature r is at least the matching field of size signature s (SWAR: each
 * field's guard bit survives the subtraction exactly when it does not borrow).
 */
export function sigCovers(r: number, s: number, guard: number): boolean {
  return (((r | guard) - s) & guard) === guard;
}
