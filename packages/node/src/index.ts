/**
 * @anchor-lint/node: what touches the file system, under the `anchor-lint` command and the
 * language server. The engine (`@anchor-lint/core`) is pure; this finds the files, reads
 * `.gitignore` and the config files, lints and fixes files and writes fixes safely.
 */
export { AnchorLint, type AnchorLintOptions } from "./anchor-lint.js";
export {
  CONFIG_FILE,
  ConfigFileError,
  ConfigResolver,
  effectiveConfig,
  loadConfigFile,
  parseConfig,
  resolveFileConfig,
  type ConfigProblem,
  type FileConfig,
  type LoadedConfig,
  type ResolverOptions,
} from "./config.js";
export { describeFsError, UsageError } from "./errors.js";
export { discover, type Discovered, type DiscoverOptions, type PathProblem } from "./files.js";
export { describeReadFailure, readRegularFile } from "./read.js";
export { lintFile, lintReadFile, lintText, lintTextAs, writeFix, type FixMode, type LintJobOptions, type LintTask, type ReadFailure } from "./lint-file.js";
export { comparePaths, displayPath, repoRootOf } from "./paths.js";
export { countAll, countResult, isFixable, plural, type Counts, type FileResult } from "./results.js";
export { writeFileAtomicSync, WriteFailure } from "./write.js";
