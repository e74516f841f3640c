import { expect } from "vitest";

/**
 * What every accepted completion or applied fix must leave: a buffer that parses as JSON, holds
 * no NUL (what Vim writes for a newline inside a completed word) and no doubled quotes. Returns
 * the parsed value.
 */
export function expectSoundJson(text: string): any {
  expect(text, "a NUL byte in the buffer").not.toContain("\u0000");
  expect(text, "doubled quotes").not.toMatch(/""[\w{[]|[\w}\]]""/);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the buffer does not parse (${(error as Error).message}):\n${text}`);
  }
}
