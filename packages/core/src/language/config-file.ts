import { modify, parse, type ParseError } from "jsonc-parser";
import type { RuleSetting, TextEdit } from "../types.js";

/**
 * Edits that set one rule in an `anchor-lint.config.json` text, keeping its formatting and other
 * keys; with no text (no file yet), the edit is the content of a new file. Undefined when the file
 * is not a JSON object that can be edited safely.
 */
export function setRuleInConfig(
  text: string | undefined,
  ruleId: string,
  setting: RuleSetting,
  formatting: { tabSize?: number; insertSpaces?: boolean } = {},
): TextEdit[] | undefined {
  const tabSize = formatting.tabSize ?? 2;
  const insertSpaces = formatting.insertSpaces ?? true;
  if (text === undefined || text.trim() === "") {
    const indent = insertSpaces ? tabSize : "\t";
    return [{ offset: 0, length: text?.length ?? 0, newText: JSON.stringify({ rules: { [ruleId]: setting } }, null, indent) + "\n" }];
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const rules = (value as Record<string, unknown>).rules;
  if (rules !== undefined && (typeof rules !== "object" || rules === null || Array.isArray(rules))) return undefined;
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  return modify(text, ["rules", ruleId], setting, { formattingOptions: { tabSize, insertSpaces, eol } }).map((edit) => ({
    offset: edit.offset,
    length: edit.length,
    newText: edit.content,
  }));
}
