// The formatters' view of the Node API's results.
export { countAll, countResult, isFixable, plural, type Counts, type FileResult } from "@anchor-lint/node";
