// Size budgets: prints a table and exits 1 when any budget is exceeded. A row's `limit` is the gate (a regression
// guard); a row may also carry `target`, the size it promises but does not reach yet (same kind: up front or total,
// unless `targetTotal` says the target counts every chunk; `targetDelta` on a `baseline` row). Rows over their target are listed, not failed, so a
// miss stays visible in every run without blocking unrelated work.
import { bundleSize } from './bundle-size.mjs'
import { budgets } from './size-budgets.mjs'
import { OPERATION_BUDGETS, operationRows } from './size-operations.mjs'

const FORBIDDEN = [/node_modules\/zod\//, /node_modules\/(ws|isomorphic-ws)\//, /^node:/]
let failed = 0
const missedTargets = []
const rows = []
const measuredByName = new Map()
for (const b of budgets) {
  let size
  try {
    size = await bundleSize(b.code, {
      ...(b.conditions ? { conditions: b.conditions } : {}),
      ...(b.external ? { external: b.external } : {}),
    })
  } catch (error) {
    failed++
    rows.push([b.name, 'build failed', '', '', `${b.limit}`, `FAIL ${error.message.split('\n')[0]}`])
    continue
  }
  const problems = []
  // `upFront` budgets count what loads before the first call; the others count every chunk the call can load.
  const measured = b.upFront ? size.entryGzip : size.gzip
  measuredByName.set(b.name, measured)
  // A `baseline` row's limit is what an earlier row measured plus `delta`: the cost of adding something to it.
  const limit = b.baseline ? measuredByName.get(b.baseline) + b.delta : b.limit
  if (Number.isNaN(limit)) problems.push(`baseline row "${b.baseline}" not measured before this one`)
  if (measured > limit) problems.push(`over by ${measured - limit} B`)
  for (const input of size.inputs) {
    if (FORBIDDEN.some((re) => re.test(input))) problems.push(`pulls ${input}`)
    if (b.noCore && /packages\/core\//.test(input)) problems.push('pulls core')
  }
  if (problems.length) failed++
  const targetMeasured = b.targetTotal ? size.gzip : measured
  // A `baseline` row may state its target as `targetDelta` over the baseline's measured size.
  const target = b.targetDelta !== undefined ? measuredByName.get(b.baseline) + b.targetDelta : b.target
  const missed = target !== undefined && targetMeasured > target
  if (missed)
    missedTargets.push(
      `${b.name}: ${targetMeasured} B, target ${target} B (${targetMeasured - target} B over)`,
    )
  rows.push([
    b.name,
    `${size.min}`,
    `${size.entryGzip}`,
    `${size.gzip}`,
    `${b.baseline ? `${limit} (+${b.delta})` : b.limit} ${b.upFront ? 'up front' : 'total'}`,
    problems.length ? `FAIL ${problems.join('; ')}` : missed ? 'ok (over target)' : 'ok',
  ])
}
const head = [
  'bundle (browser ESM, minified)',
  'min B (all)',
  'gzip up front',
  'gzip all chunks',
  'budget B',
  'result',
]
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(line(head))
for (const r of rows) console.log(line(r))
if (missedTargets.length) {
  console.log(`\n${missedTargets.length} row(s) within their limit but over their target:`)
  for (const m of missedTargets) console.log(`  ${m}`)
}
// Every generated operation, one by one: only the largest of each kind and the misses are printed.
const largest = {}
for (const op of operationRows()) {
  const size = (await bundleSize(op.code)).entryGzip
  const { limit, target } = OPERATION_BUDGETS[op.kind]
  const top = (largest[op.kind] ??= { count: 0, size: 0, name: '' })
  top.count++
  if (size > top.size) Object.assign(top, { size, name: op.name })
  if (size > limit) {
    failed++
    console.log(`FAIL ${op.name}: ${size} B gzip up front, limit ${limit} B`)
  } else if (target !== undefined && size > target)
    console.log(`  ${op.name}: ${size} B up front, within its limit but over its target ${target} B`)
}
for (const [kind, top] of Object.entries(largest))
  console.log(
    `${top.count} generated ${kind} operations, each + core up front: largest ${top.size} B (${top.name}), limit ${OPERATION_BUDGETS[kind].limit} B`,
  )
if (process.argv.includes('--json')) console.log(JSON.stringify({ bench: 'size', rows, missedTargets }))
if (failed) {
  console.error(`${failed} size budget(s) exceeded`)
  process.exit(1)
}
