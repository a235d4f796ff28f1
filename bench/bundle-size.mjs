// Bundle size, browser ESM, minified + gzip -9: ours next to the official `openai` package for the same job.
// "up front" is what loads before the first call; "all" adds chunks loaded on first use (e.g. the SSE decoder).
import { bundleSize } from '../scripts/bundle-size.mjs'
import { comparisons } from './bundle-comparisons.mjs'

const rows = []
for (const c of comparisons) {
  const ours = await bundleSize(c.ours)
  const official = await bundleSize(c.official)
  rows.push({
    name: c.name,
    oursUpFront: ours.entryGzip,
    oursAll: ours.gzip,
    official: official.gzip,
    ratio: ours.gzip / official.gzip,
  })
}
console.log('what the bundle does                        ours up front   ours all   official   all/official')
for (const r of rows)
  console.log(
    `${r.name.padEnd(44)} ${String(r.oursUpFront).padStart(13)} ${String(r.oursAll).padStart(10)} ${String(r.official).padStart(10)} ${r.ratio.toFixed(3).padStart(14)}`,
  )
console.log(JSON.stringify({ bench: 'bundle-size', rows }))
