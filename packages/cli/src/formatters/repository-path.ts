import { isAbsolute, relative, sep } from "node:path";
import type { FileResult } from "../results.js";
import type { FormatContext } from "./types.js";

/**
 * A result's path as GitHub reads it (annotations, code scanning): relative to the repository root,
 * with `/`, whatever folder the command ran in (a workflow step's `working-directory`). Without a
 * repository, or for a file outside it, the usual path relative to the working folder.
 */
export function repositoryPath(result: FileResult, context: FormatContext): string {
  const root = context.repositoryRoot;
  if (root === undefined || !isAbsolute(result.filePath)) return result.path;
  const rel = relative(root, result.filePath);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return result.path;
  return sep === "/" ? rel : rel.split(sep).join("/");
}
