import { describe, expect, it } from 'vitest';
import { createSha256, sha256Hex, toHex } from './sha256.ts';
import { encodeUtf8 } from './utf8.ts';

describe('sha256', () => {
  // FIPS 180-4 / NIST CAVS examples
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('hashes %j', (text, hex) => {
    expect(sha256Hex(encodeUtf8(text))).toBe(hex);
  });

  it('hashes a million "a"s, fed in uneven pieces', () => {
    const a = new Uint8Array(1_000_000).fill(0x61);
    const h = createSha256();
    let i = 0;
    for (const size of [1, 63, 64, 65, 127, 1000, 7]) {
      h.update(a.subarray(i, i + size));
      i += size;
    }
    h.update(a.subarray(i));
    expect(toHex(h.digest())).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  // digests from node:crypto (OpenSSL) of bytes (i * 31 + 7) & 0xff, lengths around the padding boundaries
  const BOUNDARIES: [number, string][] = [
    [0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    [1, 'ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879'],
    [55, '8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b'],
    [56, 'ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63'],
    [57, '5b46e502092be01b1100193e089fdda95638c12e19a1d24f308eb2c3d3ae849d'],
    [63, '280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076'],
    [64, 'c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd'],
    [65, '788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0'],
    [119, '3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe'],
    [120, '1f80156a804cb7862ad113e8200e9d74499723e7c7854d5f48776d3148e09656'],
    [128, 'cc548ca2dec1f6fe4f58b2e27aa9c7521607df1130d140b55a4dad0665302356'],
    [1000, '5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179'],
  ];
  it.each(BOUNDARIES)('agrees with OpenSSL at length %i', (n, hex) => {
    const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
    expect(sha256Hex(data)).toBe(hex);
  });

  it('refuses to be used after digest', () => {
    const h = createSha256();
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow(/after digest/);
  });
});
