/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, streaming: `createSha256()`, `update(bytes)` any number of times,
 * `digest()` once. Used for the report's input hash (core/report/hash.ts), so it must give the same answer
 * in every runtime: no WebCrypto (async, absent in some workers), no Node crypto.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

export type Sha256 = {
  /** Feed more bytes; returns the same hasher for chaining. */
  update(data: Uint8Array): Sha256;
  /** The 32-byte digest. The hasher cannot be used afterwards. */
  digest(): Uint8Array;
};

/** Compress 64-byte blocks of `data` starting at `offset` (count blocks) into the state `h`. */
function compress(h: Uint32Array, w: Uint32Array, data: Uint8Array, offset: number, blocks: number): void {
  let h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
  for (let b = 0; b < blocks; b++) {
    const p = offset + b * 64;
    for (let i = 0; i < 16; i++) {
      const j = p + i * 4;
      w[i] = (data[j] << 24) | (data[j + 1] << 16) | (data[j + 2] << 8) | data[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h0, bb = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

export function createSha256(): Sha256 {
  const h = Uint32Array.from(INITIAL);
  const w = new Uint32Array(64);
  const buffer = new Uint8Array(64);
  let buffered = 0;
  /** Total length in bytes (a double: exact up to 2^53). */
  let length = 0;
  let done = false;

  const hasher: Sha256 = {
    update(data) {
      if (done) throw new Error('sha256: update after digest');
      length += data.length;
      let i = 0;
      if (buffered > 0) {
        const take = Math.min(64 - buffered, data.length);
        buffer.set(data.subarray(0, take), buffered);
        buffered += take;
        i = take;
        if (buffered < 64) return hasher;
        compress(h, w, buffer, 0, 1);
        buffered = 0;
      }
      const blocks = Math.floor((data.length - i) / 64);
      if (blocks > 0) compress(h, w, data, i, blocks);
      i += blocks * 64;
      if (i < data.length) {
        buffer.set(data.subarray(i), 0);
        buffered = data.length - i;
      }
      return hasher;
    },
    digest() {
      if (done) throw new Error('sha256: digest called twice');
      done = true;
      const bits = length * 8;
      const tail = new Uint8Array(buffered < 56 ? 64 : 128);
      tail.set(buffer.subarray(0, buffered));
      tail[buffered] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
      view.setUint32(tail.length - 4, bits >>> 0);
      compress(h, w, tail, 0, tail.length / 64);
      const out = new Uint8Array(32);
      const ov = new DataView(out.buffer);
      for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i]);
      return out;
    },
  };
  return hasher;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** The SHA-256 of some bytes, as 64 lower-case hex digits. */
export function sha256Hex(data: Uint8Array): string {
  return toHex(createSha256().update(data).digest());
}
