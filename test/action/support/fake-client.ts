import type {
  ApiResult,
  CheckOutput,
  CheckRunCreate,
  GitHubClient,
  IssueComment,
} from '../../../src/action/github.js';

/** An in-memory GitHubClient (the boundary the action's logic talks to), recording calls; `fail` refuses some. */
export class FakeClient implements GitHubClient {
  calls: string[] = [];
  checkRuns: { create: CheckRunCreate; updates: CheckOutput[] }[] = [];
  comments: IssueComment[] = [];
  files: string[] = [];
  /** The token's user; undefined answers 403, as GET /user does for an installation token. */
  login: string | undefined;
  private next = 100;

  constructor(private readonly fail: (call: string) => number | undefined = () => undefined) {}

  private answer<T>(call: string, value: () => T): Promise<ApiResult<T>> {
    this.calls.push(call);
    const status = this.fail(call);
    return Promise.resolve(
      status
        ? { ok: false, status, message: 'Resource not accessible by integration' }
        : { ok: true, value: value() },
    );
  }

  pullRequestFiles() {
    return this.answer('files', () => this.files);
  }
  createCheckRun(body: CheckRunCreate) {
    return this.answer('create-check', () => {
      this.checkRuns.push({ create: body, updates: [] });
      return { id: this.checkRuns.length, url: `https://github.test/runs/${this.checkRuns.length}` };
    });
  }
  updateCheckRun(id: number, output: CheckOutput) {
    return this.answer(`update-check-${this.checkRuns[id - 1]!.updates.length + 1}`, () => {
      this.checkRuns[id - 1]!.updates.push(output);
    });
  }
  viewer(): Promise<ApiResult<string>> {
    this.calls.push('viewer');
    return Promise.resolve(
      this.login === undefined
        ? { ok: false, status: 403, message: 'Resource not accessible by integration' }
        : { ok: true, value: this.login },
    );
  }
  issueComments() {
    return this.answer('list-comments', () => this.comments.map((c) => ({ ...c })));
  }
  createComment(_issue: number, body: string) {
    return this.answer('create-comment', () => {
      const comment = { id: this.next++, body, author: this.login ?? 'github-actions[bot]' };
      this.comments.push(comment);
      return { id: comment.id };
    });
  }
  updateComment(id: number, body: string) {
    return this.answer(`update-comment-${id}`, () => {
      this.comments.find((c) => c.id === id)!.body = body;
    });
  }
  deleteComment(id: number) {
    return this.answer(`delete-comment-${id}`, () => {
      this.comments = this.comments.filter((c) => c.id !== id);
    });
  }
}
