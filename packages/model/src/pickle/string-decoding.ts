/**
 * Decoders for the text forms protocol-0 pickles carry, matching what CPython's unpickler does, so
 * that a name assembled from escapes (`S'o\x73'`, `V\u006fs`) is judged as the string Python sees.
 */

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** UTF-8 (GLOBAL/INST lines, BINUNICODE payloads), replacing invalid sequences as Python would fail. */
export function decodeUtf8(bytes: Uint8Array): string {
  return asciiFast(bytes) ?? utf8.decode(bytes);
}

/** Short ASCII strings (nearly every module, class and key name) without TextDecoder's call cost. */
function asciiFast(bytes: Uint8Array): string | null {
  const n = bytes.length;
  if (n > 64) return null;
  for (let i = 0; i < n; i++) if ((bytes[i] as number) >= 0x80) return null;
  // One flat string: `s += char` would build a chain of cons strings (one heap object per
  // character past 13), which a million memoized keys turn into hundreds of MiB.
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** Latin-1: byte strings (BINSTRING/SHORT_BINSTRING), which Python 3 decodes as ASCII/latin1. */
export function decodeLatin1(bytes: Uint8Array): string {
  return asciiFast(bytes) ?? latin1.decode(bytes);
}

/** `raw-unicode-escape` as used by the UNICODE opcode: only \uXXXX and \UXXXXXXXX are escapes. */
export function decodeRawUnicodeEscape(bytes: Uint8Array): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x5c && i + 1 < bytes.length && (bytes[i + 1] === 0x75 || bytes[i + 1] === 0x55)) {
      // An escape only counts after an even number of backslashes; count the run ending here.
      let run = 0;
      for (let j = i; j >= 0 && bytes[j] === 0x5c; j--) run++;
      if (run % 2 === 1) {
        const len = bytes[i + 1] === 0x75 ? 4 : 8;
        const hex = latin1.decode(bytes.subarray(i + 2, i + 2 + len));
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return null;
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) return null;
        out += String.fromCodePoint(cp);
        i += 1 + len;
        continue;
      }
    }
    out += String.fromCharCode(b);
  }
  return out;
}

/**
 * The STRING opcode's argument: a Python repr, quoted with ' or ", decoded with `escape_decode`
 * (\\, \', \", \n, \t, \r, \a, \b, \f, \v, \xHH, octal \ooo, backslash-newline).
 * Returns null when the quoting is invalid (CPython raises "the STRING opcode argument must be quoted").
 */
export function decodeStringOpcodeArg(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  const q = bytes[0];
  if ((q !== 0x27 && q !== 0x22) || bytes[bytes.length - 1] !== q) return null;
  let out = '';
  const end = bytes.length - 1;
  for (let i = 1; i < end; i++) {
    const b = bytes[i] as number;
    if (b !== 0x5c) {
      out += String.fromCharCode(b);
      continue;
    }
    i++;
    if (i >= end) return null;
    const c = bytes[i] as number;
    switch (c) {
      case 0x0a: break;
      case 0x5c: out += '\\'; break;
      case 0x27: out += "'"; break;
      case 0x22: out += '"'; break;
      case 0x6e: out += '\n'; break;
      case 0x74: out += '\t'; break;
      case 0x72: out += '\r'; break;
      case 0x61: out += '\x07'; break;
      case 0x62: out += '\b'; break;
      case 0x66: out += '\f'; break;
      case 0x76: out += '\v'; break;
      case 0x78: {
        const hex = latin1.decode(bytes.subarray(i + 1, i + 3));
        if (hex.length !== 2 || !/^[0-9a-fA-F]{2}$/.test(hex)) return null;
        out += String.fromCharCode(parseInt(hex, 16));
        i += 2;
        break;
      }
      default:
        if (c >= 0x30 && c <= 0x37) {
          let v = c - 0x30;
          let k = 0;
          while (k < 2 && i + 1 < end && (bytes[i + 1] as number) >= 0x30 && (bytes[i + 1] as number) <= 0x37) {
            v = v * 8 + ((bytes[i + 1] as number) - 0x30);
            i++;
            k++;
          }
          out += String.fromCharCode(v & 0xff);
        } else {
          // Unknown escapes are kept verbatim by escape_decode.
          out += '\\' + String.fromCharCode(c);
        }
    }
  }
  return out;
}
