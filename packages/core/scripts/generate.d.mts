/** Every generated file, keyed by path relative to packages/core (deterministic). */
export declare function generate(): Record<string, string>;
/** Absolute path of packages/core, where the keys of generate() are rooted. */
export declare const generatedRoot: string;
