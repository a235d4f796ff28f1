// Runs every vitest suite once and prints the closing line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'acme-vitest-'))
const out = join(dir, 'report.json')
const run = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
)
let passed = 0
let failed = 0
let skipped = 0
try {
  const report = JSON.parse(readFileSync(out, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests
  skipped = report.numPendingTests + report.numTodoTests
  // A suite that fails to load has no tests in it; count it as a failure so it cannot hide.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} catch {
  failed += 1
  console.error('vitest wrote no JSON report')
}
rmSync(dir, { recursive: true, force: true })
// The browser cases need Debian's chromium; without it they are skipped, which the README's table would not show.
if (!existsSync('/usr/bin/chromium'))
  console.log(
    'note: the Chromium cases of tests/runtimes were skipped: /usr/bin/chromium not found; install it with `sudo apt-get install chromium` (Debian/Ubuntu; .ci/run does this)',
  )
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || run.status !== 0 ? 1 : 0)
