// Splits the Action's `paths` input (on stdin) as its description says: by spaces or newlines, a path
// with a space in it quoted with " or '. Nothing is expanded, and a backslash is a character like any
// other (a Windows path, `jobs\batch.anchor.json`): xargs, which this replaced, read it as an escape
// and dropped it. Writes the paths NUL-separated; exit 1 on an unmatched quote.
"use strict";
const input = require("node:fs").readFileSync(0, "utf8");
const paths = [];
let current = "";
let quote = "";
let started = false;
for (const char of input) {
  if (quote) {
    if (char === quote) quote = "";
    else current += char;
  } else if (char === '"' || char === "'") {
    quote = char;
    started = true;
  } else if (/\s/.test(char)) {
    if (started) paths.push(current);
    current = "";
    started = false;
  } else {
    current += char;
    started = true;
  }
}
if (quote) process.exit(1);
if (started) paths.push(current);
process.stdout.write(paths.map((path) => `${path}\0`).join(""));
