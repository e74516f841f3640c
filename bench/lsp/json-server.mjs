// The baseline: a minimal language server on vscode-json-languageservice (the engine behind
// VS Code's own JSON editing), validating against the same JSON Schema as anchor-lint, with the
// same incremental sync and no debounce. Only for bench/lsp/run.mjs.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("../../packages/language-server/package.json", import.meta.url));
const { createConnection, TextDocuments, TextDocumentSyncKind } = require("vscode-languageserver/node");
const { TextDocument } = require("vscode-languageserver-textdocument");
const { getLanguageService } = require("vscode-json-languageservice");

const schema = JSON.parse(readFileSync(new URL("../../packages/core/src/generated/request.schema.json", import.meta.url), "utf8"));
const service = getLanguageService({});
service.configure({ validate: true, allowComments: false, schemas: [{ uri: "anchor-lint://request.schema.json", fileMatch: ["*.anchor.json"], schema }] });

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, completionProvider: { triggerCharacters: ['"', ":"] } },
}));

documents.onDidChangeContent(async ({ document }) => {
  const version = document.version;
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: "error" });
  if (documents.get(document.uri)?.version === version) await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
});

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? service.doComplete(document, params.position, service.parseJSONDocument(document)) : null;
});

documents.listen(connection);
connection.listen();
