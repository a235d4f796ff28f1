// Runs every benchmark in turn. `--quick` runs tiny inputs so CI can check they still work (no timing asserted).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const quick = process.argv.includes('--quick')
const benches = ['sse-decode.mjs', 'request-overhead.mjs', 'bundle-size.mjs']
let failed = 0
for (const file of benches) {
  const path = fileURLToPath(new URL(file, import.meta.url))
  if (!existsSync(path)) continue
  console.log(`\n== ${file}${quick ? ' (quick)' : ''}`)
  const r = spawnSync(process.execPath, ['--expose-gc', path, ...(quick ? ['--quick'] : [])], {
    stdio: 'inherit',
  })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
