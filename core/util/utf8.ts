/**
 * UTF-8 text <-> bytes. TextEncoder and TextDecoder exist wherever core/ runs (browsers, Node, workers), but
 * tsconfig.core.json (lib ES2022, no DOM, no Node types) does not declare them, so they are reached through
 * this one typed view of globalThis.
 */
type TextCodecs = {
  TextEncoder: new () => { encode(text: string): Uint8Array<ArrayBuffer> };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
};
const codecs = globalThis as unknown as TextCodecs;

export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return new codecs.TextEncoder().encode(text);
}

/** The text of UTF-8 bytes; throws a TypeError on bytes that are not valid UTF-8 (no silent U+FFFD). */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  return new codecs.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
