// Blocks marked `<!-- readme-test: typecheck (why) -->` (they need a browser, a real service or another runtime)
// are compiled, not run: each becomes a module of its own with its imports, the auto-imports of its README (core
// and the README's package) and `client` declared, and tsc checks them all in one program.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { declaredNames, type ReadmeBlock, repoRoot, splitImports } from './extract-blocks'
import { ourPart } from './readme-program'

const dir = join(repoRoot, '.tmp', 'readme-typecheck')

/** The module tsc checks for one block. */
export function typecheckModule(block: ReadmeBlock, autoImports: ReadonlyMap<string, string>): string {
  const { bindings, sideEffects, body } = splitImports(ourPart(block.code))
  const bound = new Set([...bindings.map((b) => b.local), ...declaredNames(body)])
  const lines = sideEffects.map((m) => `import '${m}'`)
  for (const b of bindings) {
    const type = b.typeOnly ? 'type ' : ''
    if (b.imported === '*') lines.push(`import ${type}* as ${b.local} from '${b.from}'`)
    else if (b.imported === 'default') lines.push(`import ${type}${b.local} from '${b.from}'`)
    else lines.push(`import { ${type}${b.imported} as ${b.local} } from '${b.from}'`)
  }
  for (const [name, from] of autoImports)
    if (!bound.has(name) && new RegExp(`(?<![\\w.$])${name}\\b`).test(body))
      lines.push(`import { ${name} } from '${from}'`)
  if (!bound.has('client') && /(?<![\w.$])client\b/.test(body))
    lines.push("declare const client: import('@acme/openai-core').Client")
  return `${lines.join('\n')}\n${body}\nexport {}\n`
}

const fileOf = (id: string) => `${id.replace(/[^\w]+/g, '_')}.ts`

/** Compiles the modules; resolves with the errors of each block id (empty list: it typechecks). */
export async function typecheckBlocks(modules: ReadonlyMap<string, string>): Promise<Map<string, string[]>> {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const byFile = new Map<string, string>()
  for (const [id, source] of modules) {
    byFile.set(fileOf(id), id)
    writeFileSync(join(dir, fileOf(id)), source)
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../tsconfig.json',
      compilerOptions: { noEmit: true, noUnusedLocals: false, noUnusedParameters: false, types: ['node'] },
      include: ['*.ts'],
    }),
  )
  const output = await new Promise<string>((resolve) => {
    const child = spawn(
      join(repoRoot, 'node_modules', '.bin', 'tsc'),
      ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', () => resolve(out))
  })
  const errors = new Map<string, string[]>([...modules.keys()].map((id) => [id, []]))
  for (const line of output.split('\n')) {
    const m = /([^/\\]+\.ts)\((\d+),\d+\): error (TS\d+: .*)$/.exec(line)
    const id = m && line.includes('.tmp/readme-typecheck/') ? byFile.get(m[1]) : undefined
    if (id) errors.get(id)?.push(`line ${m?.[2]} of the checked module: ${m?.[3]}`)
  }
  return errors
}
