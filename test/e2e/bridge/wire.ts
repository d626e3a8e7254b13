/**
 * JSON over HTTP for the test bridge, keeping what Electron's structured clone keeps and JSON loses:
 * Uint8Array (a PDF's bytes) as {"__bytes": base64}, and `undefined` arguments as {"__undef": 1}
 * (JSON turns them into null, which the zod schemas rightly refuse). The page side is in shim.ts.
 */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return { __bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (v === undefined) return { __undef: 1 };
    return v;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.__undef === 1) return undefined;
      if (typeof o.__bytes === 'string') return new Uint8Array(Buffer.from(o.__bytes, 'base64'));
    }
    return v;
  });
}
