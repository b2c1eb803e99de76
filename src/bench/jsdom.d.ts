// jsdom ships no type declarations and @types/jsdom is not a dependency: the little the bench uses.
declare module 'jsdom' {
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html: string, options?: { url?: string; virtualConsole?: VirtualConsole });
    window: { document: unknown; close(): void };
  }
}
