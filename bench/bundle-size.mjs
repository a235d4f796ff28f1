// Bundle size, browser ESM, minified + gzip -9: ours next to the official `openai` package for the same job.
// "up front" is what loads before the first call; "all" adds chunks loaded on first use (e.g. the SSE decoder).
// The Vercel AI SDK (`ai` + `@ai-sdk/openai`) is measured for the one Responses call when both are installed.
import { createRequire } from 'node:module'
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

function installed(name) {
  try {
    createRequire(import.meta.url).resolve(name)
    return true
  } catch {
    return false
  }
}

let aiSdk = null
if (installed('ai') && installed('@ai-sdk/openai')) {
  const size = await bundleSize(`import { generateText } from 'ai'
import { createOpenAI } from '@ai-sdk/openai'
const openai = createOpenAI({ apiKey: 'x' })
export const f = () => generateText({ model: openai.responses('m'), prompt: 'hi' })`)
  aiSdk = { name: 'generateText + @ai-sdk/openai responses model', gzip: size.gzip }
  console.log(`Vercel AI SDK, one Responses call (generateText): ${size.gzip} B gzip`)
} else {
  console.log('Vercel AI SDK: not measured, `ai` and `@ai-sdk/openai` are not installed')
}
console.log(JSON.stringify({ bench: 'bundle-size', rows, aiSdk }))
