// Line feeds in UTF-8 bytes and in the text decoded from them: the same count, as no other character's UTF-8
// form holds the byte 10. A reader that parsed text finds where its records end in the bytes by it.

const LINE_FEED = 10;

/** a followed by b, in one array. */
export function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

/** Line feeds in text[0, end). */
export function feedsIn(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < end; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Where the byte after the `count`-th line feed of bytes is (0 for none). */
export function afterFeeds(bytes: Uint8Array, count: number): number {
  let at = 0;
  for (let i = 0; i < count; i++) at = bytes.indexOf(LINE_FEED, at) + 1;
  return at;
}
