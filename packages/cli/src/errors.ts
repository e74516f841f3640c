export { describeFsError, UsageError } from "@anchor-lint/node";

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_USAGE = 2;
