import type { FormatName } from "../args.js";
import { compact } from "./compact.js";
import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters: Record<FormatName, Formatter> = { stylish, json, sarif, github, junit, compact };
export type { FormatContext, Formatter, RuleInfo } from "./types.js";
