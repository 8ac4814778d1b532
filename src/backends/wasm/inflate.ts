// A small raw-DEFLATE decoder (RFC 1951), after Joergen Ibsen's tinf. The core's builds are embedded deflated
// (scripts/embed.mjs): base64 of deflated bytes gzips 4 KB smaller than base64 of the module, whose 6-bit groups
// hide its repeats from gzip. Synchronous, for initSync: DecompressionStream is only asynchronous.

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Code {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function code(lengths: ArrayLike<number>): Code {
  const counts = new Uint16Array(16);
  const symbols = new Uint16Array(lengths.length);
  const next = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]]++;
  counts[0] = 0;
  for (let length = 1; length < 16; length++) next[length] = next[length - 1] + counts[length - 1];
  for (let i = 0; i < lengths.length; i++) if (lengths[i]) symbols[next[lengths[i]]++] = i;
  return { counts, symbols };
}

/** Base values and extra bits of the length (257..284; 285 is 258) and distance (0..29) symbols. */
function bases(count: number, first: number, extraOf: (i: number) => number): [base: Uint16Array, extra: Uint8Array] {
  const base = new Uint16Array(count);
  const extra = new Uint8Array(count);
  for (let i = 0, value = first; i < count; value += 1 << extra[i], i++) [base[i], extra[i]] = [value, extraOf(i)];
  return [base, extra];
}

const [LENGTH_BASE, LENGTH_EXTRA] = bases(28, 3, (i) => (i < 8 ? 0 : (i - 4) >> 2));
const [DISTANCE_BASE, DISTANCE_EXTRA] = bases(30, 1, (i) => (i < 4 ? 0 : (i - 2) >> 1));
/** The order in which a dynamic block gives the code lengths of the code-length code. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** The `length` bytes that `data` (raw DEFLATE) holds. */
export function inflate(data: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let [at, bitBuffer, bitCount, written] = [0, 0, 0, 0];
  const bits = (n: number): number => {
    for (; bitCount < n; bitCount += 8) bitBuffer |= data[at++] << bitCount;
    const value = bitBuffer & ((1 << n) - 1);
    bitBuffer >>>= n;
    bitCount -= n;
    return value;
  };
  const decode = ({ counts, symbols }: Code): number => {
    let [first, offset] = [0, 0];
    for (let length = 1; ; length++) {
      offset = 2 * offset + bits(1);
      if (offset < counts[length]) return symbols[first + offset];
      first += counts[length];
      offset -= counts[length];
    }
  };
  for (let last = 0; !last; ) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      [bitBuffer, bitCount] = [0, 0]; // to the byte boundary
      const size = data[at] | (data[at + 1] << 8);
      out.set(data.subarray(at + 4, at + 4 + size), written);
      [at, written] = [at + 4 + size, written + size];
      continue;
    }
    let literals: Code;
    let distances: Code;
    if (type === 1) {
      literals = code(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
      distances = code(new Array<number>(30).fill(5));
    } else {
      const [literalCount, distanceCount, lengthCount] = [bits(5) + 257, bits(5) + 1, bits(4) + 4];
      const codeLengths = new Uint8Array(19);
      for (let i = 0; i < lengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i]] = bits(3);
      const lengthCode = code(codeLengths);
      const lengths = new Uint8Array(literalCount + distanceCount);
      for (let i = 0; i < lengths.length; ) {
        const symbol = decode(lengthCode);
        if (symbol < 16) {
          lengths[i++] = symbol;
          continue;
        }
        const [value, repeat] = symbol === 16 ? [lengths[i - 1], 3 + bits(2)] : [0, symbol === 17 ? 3 + bits(3) : 11 + bits(7)];
        lengths.fill(value, i, (i += repeat));
      }
      literals = code(lengths.subarray(0, literalCount));
      distances = code(lengths.subarray(literalCount));
    }
    for (let symbol = decode(literals); symbol !== 256; symbol = decode(literals)) {
      if (symbol < 256) {
        out[written++] = symbol;
        continue;
      }
      const size = symbol === 285 ? 258 : LENGTH_BASE[symbol - 257] + bits(LENGTH_EXTRA[symbol - 257]);
      const distanceSymbol = decode(distances);
      const from = written - DISTANCE_BASE[distanceSymbol] - bits(DISTANCE_EXTRA[distanceSymbol]);
      for (let i = 0; i < size; i++) out[written++] = out[from + i];
    }
  }
  return out;
}
