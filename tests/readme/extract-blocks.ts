// Finds the code blocks of every README (and docs/*.md) and turns each README's blocks into one program that runs
// them in order, as a reader pasting them one after another would. New READMEs are picked up by the glob.
//
// A block is run unless an HTML comment right before it (blank lines allowed) says otherwise:
//   <!-- readme-test: typecheck (needs a browser) -->   compiled with tsc, not run
//   <!-- readme-test: skip (needs a real OpenAI key) -->  neither; the reason is required and reported
// Only ts/js blocks count; sh, json, text... are prose.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** How a block is checked. */
export type BlockMode = 'run' | 'typecheck' | 'skip'

/** One fenced code block. */
export interface ReadmeBlock {
  /** `packages/core/README.md:34` (the line of the opening fence). */
  id: string
  file: string
  line: number
  lang: string
  code: string
  mode: BlockMode
  /** Why it is not run (required for typecheck and skip). */
  reason?: string
  /** A problem with the marker itself (unknown mode, missing reason). */
  markerError?: string
}

const CODE_LANGS = new Set(['ts', 'js', 'typescript', 'javascript', 'mjs', 'mts'])
const MARKER = /<!--\s*readme-test:\s*([\w-]+)\s*(?:\((.*?)\))?\s*-->\s*$/

/** Every markdown file whose examples are tested: the root README, each package's README, docs/*.md. */
export function readmeFiles(root = repoRoot): string[] {
  const files = ['README.md']
  for (const dir of readdirSync(join(root, 'packages')).sort())
    if (existsSync(join(root, 'packages', dir, 'README.md'))) files.push(`packages/${dir}/README.md`)
  if (existsSync(join(root, 'docs')))
    for (const f of readdirSync(join(root, 'docs')).sort()) if (f.endsWith('.md')) files.push(`docs/${f}`)
  return files
}

/** The ts/js blocks of one markdown text, with their markers. */
export function extractBlocks(file: string, text: string): ReadmeBlock[] {
  const lines = text.split('\n')
  const blocks: ReadmeBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(lines[i])
    if (!open) continue
    const fence = open[2]
    const lang = open[3].toLowerCase()
    let end = i + 1
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++
    const code = lines
      .slice(i + 1, end)
      .map((l) => l.slice(open[1].length))
      .join('\n')
    if (CODE_LANGS.has(lang)) {
      const block: ReadmeBlock = { id: `${file}:${i + 1}`, file, line: i + 1, lang, code, mode: 'run' }
      let j = i - 1
      while (j >= 0 && lines[j].trim() === '') j--
      const marker = j >= 0 ? MARKER.exec(lines[j].trim()) : null
      if (marker) {
        const [, mode, reason] = marker
        if (mode !== 'run' && mode !== 'typecheck' && mode !== 'skip')
          block.markerError = `unknown readme-test mode "${mode}" (run, typecheck or skip)`
        else if (mode !== 'run' && !reason?.trim())
          block.markerError = `readme-test: ${mode} needs a reason in parentheses`
        else {
          block.mode = mode
          block.reason = reason?.trim()
        }
      }
      blocks.push(block)
    }
    i = end
  }
  return blocks
}

/** One import binding: `local` is bound to `imported` (`default`, `*` or a name) of `from`. */
interface ImportBinding {
  local: string
  imported: string
  from: string
  typeOnly: boolean
}

const IMPORT =
  /^import\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"];?[ \t]*(?:\/\/.*)?$|^import\s+['"]([^'"]+)['"];?[ \t]*(?:\/\/.*)?$/gm

/** Splits a block into its import bindings and the rest of its code. */
export function splitImports(code: string): {
  bindings: ImportBinding[]
  sideEffects: string[]
  body: string
} {
  const bindings: ImportBinding[] = []
  const sideEffects: string[] = []
  const body = code.replace(
    IMPORT,
    (_all, typeKw, clause: string | undefined, from: string, bare: string) => {
      if (bare) {
        sideEffects.push(bare)
        return ''
      }
      const typeOnly = Boolean(typeKw)
      let rest = (clause ?? '').trim()
      const ns = /^(?:(\w+)\s*,\s*)?\*\s+as\s+(\w+)$/.exec(rest)
      if (ns) {
        if (ns[1]) bindings.push({ local: ns[1], imported: 'default', from, typeOnly })
        bindings.push({ local: ns[2], imported: '*', from, typeOnly })
        return ''
      }
      const def = /^(\w+)\s*(?:,|$)/.exec(rest)
      if (def && !rest.startsWith('{')) {
        bindings.push({ local: def[1], imported: 'default', from, typeOnly })
        rest = rest.slice(def[0].length).trim()
      }
      const named = /^\{([\s\S]*)\}$/.exec(rest)
      if (named)
        for (const part of named[1].split(',')) {
          const m = /^\s*(type\s+)?(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part)
          if (m)
            bindings.push({ local: m[3] ?? m[2], imported: m[2], from, typeOnly: typeOnly || Boolean(m[1]) })
        }
      return ''
    },
  )
  return { bindings, sideEffects, body }
}

/** Names a body declares at its top level (`const x`, `const { a, b: c }`, `function f`, `class C`). */
export function declaredNames(body: string): Set<string> {
  const names = new Set<string>()
  for (const m of body.matchAll(/^(?:export\s+)?(?:const|let|var)\s+(\{[^}]*\}|\[[^\]]*\]|\w+)/gm)) {
    const pattern = m[1]
    if (/^\w+$/.test(pattern)) names.add(pattern)
    else
      for (const part of pattern.slice(1, -1).split(',')) {
        const name = /(?:\.\.\.)?\s*(?:\w+\s*:\s*)?(\w+)\s*(?:=.*)?$/.exec(part.trim())?.[1]
        if (name) names.add(name)
      }
  }
  for (const m of body.matchAll(/^(?:export\s+)?(?:async\s+)?(?:function\*?|class)\s+(\w+)/gm))
    names.add(m[1])
  return names
}

/**
 * Top-level `const`/`let` become `var` and top-level functions and classes become `var` assignments, so the
 * blocks of one README can run one after another in one module, each in its own try block, and still see what
 * earlier blocks declared (a second `const client` in a later block is then no error, as in a REPL).
 */
export function hoistable(body: string): string {
  return body
    .replace(/^(const|let)\s/gm, 'var ')
    .replace(/^(async\s+)?function(\*?)\s+(\w+)/gm, 'var $3 = $1function$2 $3')
    .replace(/^class\s+(\w+)/gm, 'var $1 = class $1')
}

/** The package a README documents (`packages/files/README.md` -> `@acme/openai-files`), if any. */
export function packageOf(file: string, root = repoRoot): string | undefined {
  const m = /^packages\/([^/]+)\/README\.md$/.exec(file)
  if (!m) return undefined
  try {
    return JSON.parse(readFileSync(join(root, 'packages', m[1], 'package.json'), 'utf8')).name
  } catch {
    return undefined
  }
}

/** Where the README blocks are reported relative to (for messages). */
export const rel = (path: string) => relative(repoRoot, path)
