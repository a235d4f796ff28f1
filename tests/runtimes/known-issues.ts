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

/** The open ones; each was reported to the package owner. */
export const knownIssues: readonly KnownIssue[] = []

/** The known issue of a case, if any. */
export const knownIssueOf = (runtime: RuntimeName, dir: string): KnownIssue | undefined =>
  knownIssues.find((issue) => issue.runtime === runtime && issue.dir === dir)
