// unbzip2-stream ships no types: a through-stream factory (write/end, 'data'/'error' events).
declare module 'unbzip2-stream' {
  import type { Duplex } from 'node:stream';
  export default function unbzip2Stream(): Duplex;
}
