import { LSPErrorCodes, ResponseError, type CancellationToken } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LintThread, OFF_THREAD_CHARACTERS, runJob, type Answer, type Job } from "./lint-worker.js";
import type { Session } from "./session.js";

/**
 * A request's heavy work (fix-all, formatting, the outline) on one version of a document. Large
 * documents are done on a thread of this feature's own, so that hovers, completions and changes are
 * answered meanwhile, and a `$/cancelRequest`, a newer version or a close ends the run at once.
 * Small ones are done here, between checks of the token.
 */
export class HeavyWork {
  private readonly thread: LintThread | undefined;

  constructor(
    private readonly session: Session,
    entry: string | undefined,
  ) {
    this.thread = entry ? new LintThread(entry) : undefined;
  }

  /**
   * The job's answer for this version of the document. Throws the errors vscode-languageserver
   * sends as such: RequestCancelled when the client cancelled (before or during the work, or a later
   * request of the same feature took the thread), ContentModified when the document changed or closed.
   */
  async run<J extends Job>(document: TextDocument, job: J, token: CancellationToken): Promise<Answer<J>> {
    const { uri, version } = document;
    const check = () => {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "anchor-lint: request cancelled");
      if (this.session.documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, "anchor-lint: the document changed");
    };
    check();
    const thread = this.thread;
    if (!thread || job.text.length < OFF_THREAD_CHARACTERS) {
      const answer = runJob(job);
      check();
      return answer;
    }
    const { documents } = this.session;
    const cancelled = token.onCancellationRequested(() => thread.cancel());
    const stale = documents.onDidChangeContent((event) => {
      if (event.document.uri === uri && event.document.version !== version) thread.cancel();
    });
    const closed = documents.onDidClose((event) => {
      if (event.document.uri === uri) thread.cancel();
    });
    try {
      const answer = await thread.run(job);
      check();
      if (answer === undefined) throw new ResponseError(LSPErrorCodes.RequestCancelled, "anchor-lint: superseded by a later request");
      return answer;
    } finally {
      cancelled.dispose();
      stale.dispose();
      closed.dispose();
    }
  }

  dispose(): void {
    this.thread?.dispose();
  }
}
