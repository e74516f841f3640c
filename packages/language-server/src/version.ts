declare const ANCHOR_LINT_SERVER_VERSION: string | undefined;

/** The package's version, written in by the bundler (build.mjs); "0.0.0-dev" when run from source. */
export const serverVersion: string = typeof ANCHOR_LINT_SERVER_VERSION === "string" ? ANCHOR_LINT_SERVER_VERSION : "0.0.0-dev";
