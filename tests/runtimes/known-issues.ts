import type { RuntimeName } from './runtimes'

/**
 * A failure the matrix found in a package (not in the matrix), reported to its owner. The case still runs: it
 * passes while it fails with exactly this error, and fails (asking for the entry to be removed) once it is fixed,
 * so the list cannot go stale. Any other failure fails as usual.
 */
export interface KnownIssue {
  runtime: RuntimeName
  /** The package folder. */
  dir: string
  /** What is wrong and where, for the test name. */
  summary: string
  /** Matches the failure's text. */
  match: RegExp
}

export const knownIssues: readonly KnownIssue[] = [
  {
    runtime: 'workerd',
    dir: 'files',
    summary:
      'uploads pass fetch `redirect: "error"` (multipart-request.ts), which workerd refuses: "Invalid redirect value"',
    match: /uploadFile sends bytes as multipart: APIConnectionError: Connection error/,
  },
  {
    runtime: 'workerd',
    dir: 'realtime',
    summary:
      'openFetchUpgradeSocket calls `request.fetch(...)` as a method, so workerd throws "Illegal invocation"',
    match: /Illegal invocation/,
  },
]

/** The known issue of a case, if any. */
export const knownIssueOf = (runtime: RuntimeName, dir: string): KnownIssue | undefined =>
  knownIssues.find((issue) => issue.runtime === runtime && issue.dir === dir)
