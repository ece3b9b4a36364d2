// The one jsdom API the Mermaid parse test uses (jsdom ships no types; @types/jsdom is not worth a dependency here).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
