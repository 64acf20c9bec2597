/** Types of bundle.mjs (plain JavaScript, so that it runs without a TypeScript loader). */
export declare const ENTRIES: Record<'start' | 'admin', string>;
export declare function serverBundle(entry: keyof typeof ENTRIES): Promise<string>;
