import { fileURLToPath } from "node:url";
import { ErrorCodes, ResponseError, TextDocuments, type ClientCapabilities, type Connection, type WorkspaceFolder } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";

/**
 * What every handler module shares: the connection, the open documents, the client's
 * capabilities and the settings generation. Each feature registers its own handlers on it.
 */
export class Session {
  readonly documents = new TextDocuments(TextDocument);
  capabilities: ClientCapabilities = {};
  /** Bumped whenever settings or config files change: cached contexts and results of older generations are stale. */
  generation = 0;
  private readonly settingsListeners: (() => void)[] = [];

  constructor(
    readonly connection: Connection,
    /** Quiet time after a change before re-linting a document that is being edited (ms). */
    readonly debounceMs: number,
  ) {}

  log(message: string): void {
    try {
      this.connection.console.error(message);
    } catch {
      // the connection is gone; nothing to tell
    }
  }

  /** Runs a handler so that nothing it throws reaches the connection: the server never dies of one request. */
  guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        // An answer the protocol names (a cancelled request, a changed document) goes to the client as such.
        if (error instanceof ResponseError) throw error;
        this.log(`anchor-lint: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  /**
   * The protocol's lifecycle: requests before initialize and after shutdown get the errors the
   * specification names instead of answers.
   */
  lifecycle: "starting" | "running" | "shut down" = "starting";

  /** `guard` for a request handler, refusing the request outside the running lifecycle. */
  request<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
    const guarded = this.guard(name, fallback, handler);
    return (...args: P): Promise<R> => {
      if (this.lifecycle === "starting") throw new ResponseError(ErrorCodes.ServerNotInitialized, `anchor-lint: ${name} before initialize`);
      if (this.lifecycle === "shut down") throw new ResponseError(ErrorCodes.InvalidRequest, `anchor-lint: ${name} after shutdown`);
      return guarded(...args);
    };
  }

  /** Listeners run in the order they were added: the configuration drops its caches before diagnostics re-run. */
  onSettingsChanged(listener: () => void): void {
    this.settingsListeners.push(listener);
  }

  settingsChanged(): void {
    this.generation++;
    for (const listener of this.settingsListeners) listener();
  }
}

export function pathOf(uri: string): string | undefined {
  try {
    if (uri.startsWith("file:")) return fileURLToPath(uri);
    // Unsaved and virtual documents match the file pattern by their URI path.
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

export function foldersOf(folders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  const uris = folders && folders.length > 0 ? folders.map((folder) => folder.uri) : rootUri ? [rootUri] : [];
  return uris.map((uri) => pathOf(uri)).filter((path): path is string => path !== undefined).map((path) => path.replace(/[\\/]+$/, ""));
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
