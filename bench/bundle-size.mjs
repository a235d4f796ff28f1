// Bundle size, browser ESM, minified + gzip -9: ours next to the official `openai` package for the same job.
import { bundleSize } from '../scripts/bundle-size.mjs'
import { comparisons } from './bundle-comparisons.mjs'

const rows = []
for (const c of comparisons) {
  const ours = await bundleSize(c.ours)
  const official = await bundleSize(c.official)
  rows.push({ name: c.name, ours: ours.gzip, official: official.gzip, ratio: ours.gzip / official.gzip })
}
console.log('what the bundle does                     ours B   official B   ours/official')
for (const r of rows)
  console.log(
    `${r.name.padEnd(40)} ${String(r.ours).padStart(6)}   ${String(r.official).padStart(10)}   ${r.ratio.toFixed(3).padStart(13)}`,
  )
console.log(JSON.stringify({ bench: 'bundle-size', rows }))
