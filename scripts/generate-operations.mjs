#!/usr/bin/env node
// Generates the operation functions of the everyday packages (models, batches, fine-tuning, ...) from the OpenAPI
// spec and the override table scripts/operations.table.mjs.
//
//   node scripts/generate-operations.mjs <openapi.yaml>     refresh scripts/openapi.snapshot.json, then generate
//   node scripts/generate-operations.mjs --snapshot         generate from the committed snapshot only
//   node scripts/generate-operations.mjs --snapshot --out <dir>   write into <dir> instead of the repo (the test)
//
// Run by hand when the spec or the table changes; the output is committed. Nothing at build or test time reads the
// spec: the run on the spec first reduces it to scripts/openapi.snapshot.json (the table's operations and the
// schemas they reach, structure only: names, types, enums, required-ness, never descriptions or examples) and always
// generates from that snapshot. So the determinism test (tests/generator/generate-operations.test.ts) regenerates
// from the committed snapshot into a temp folder and fails on any difference from the committed files, with or
// without the spec on the machine.
//
// Per package it writes `src/<operation>.ts` (one per row that is not `handwritten`), `src/types.ts` (the table's
// `typesModules` may name it otherwise), `src/operations.ts` (the re-exports), `src/index.ts` only when missing (it
// is hand-written: helpers add their exports there) and the operations section of the README. Every written file starts with the generated marker;
// a stale generated file (its row removed) is deleted, and files without the marker are never touched.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEmitter, reachable, typeName } from './generate-types.mjs'
import { migrationSection, readmeSection, replaceSection } from './operations/emit-docs.mjs'
import { MARKER, operationSource, operationTypes, planOperation } from './operations/emit-operation.mjs'
import { collectRefs, makeSnapshot } from './operations/snapshot.mjs'
import {
  inlineParamTypes,
  packageDirs,
  packageHeaders,
  table,
  typeFiles,
  typesModules,
} from './operations.table.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snapshotPath = join(root, 'scripts', 'openapi.snapshot.json')

// Why a types file may run past the house limit of ~300 lines.
const TYPES_NOTE =
  '// Structure only (names, types, enums, required-ness); long because it holds every schema the operations reach.'

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/generate-operations.mjs <openapi.yaml> | --snapshot [--out <dir>]`,
  )
  process.exit(2)
}

/** Every table row with its package, in table order. */
export function tableRows() {
  return Object.entries(table).flatMap(([pkg, rows]) =>
    rows.map(([id, sdk, page, hints]) => ({ id, sdk, pkg, page: page ?? undefined, ...hints })),
  )
}

/** The generated files as `relative path -> source` (unformatted), and the sections of hand-kept files. */
export function generate(snapshot) {
  const { schemas, operations } = snapshot
  const emitter = createEmitter(schemas, new Map())
  const shapeOf = (schema) => emitter.objectShape(schema)
  const files = new Map()
  const sections = new Map()
  const rows = tableRows()
  const plans = rows.map((row) => planOperation(row, operations[row.id], shapeOf))
  // The schemas each types-only file declares: operations generated into the same package import these from it.
  const typeFileSchemas = Object.entries(typeFiles).map(([file, roots]) => {
    const refs = new Set(roots)
    for (const id of inlineParamTypes[file] ?? []) collectRefs(operations[id], refs)
    return { file, refs, names: new Set(reachable(schemas, [...refs])) }
  })
  for (const pkg of Object.keys(table)) {
    const mine = plans.filter((p) => p.row.pkg === pkg)
    const own = new Map()
    const refs = new Set()
    for (const plan of mine) {
      for (const decl of operationTypes(plan, emitter, shapeOf, schemas)) {
        const id = /^export (?:type|interface) (\w+)/.exec(decl)[1]
        if (schemas[id]) throw new Error(`${plan.name}: the type ${id} is also a schema name`)
        own.set(id, decl)
      }
      collectRefs(operations[plan.row.id], refs)
      if (typeof plan.row.stream === 'string') refs.add(plan.row.stream)
    }
    const src = packageDirs[pkg] ?? `packages/${pkg}/src`
    const typesModule = typesModules[pkg] ?? 'types'
    // Schemas a types-only file of the same package already declares are imported from it, not written twice.
    const packageRoot = src.split('/').slice(0, 2).join('/')
    const sibling = typeFileSchemas.find((t) => t.file.startsWith(`${packageRoot}/`))
    const all = reachable(schemas, [...refs])
    const shared = sibling ? all.filter((n) => sibling.names.has(n)) : []
    const names = all.filter((n) => !shared.includes(n))
    const decls = [...names.map((n) => [typeName(n, new Map()), emitter.declaration(n)]), ...own]
    decls.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    let imports = mine.some((p) => p.row.multipart)
      ? "import type { Uploadable } from '@acme/openai-core/multipart'\n"
      : ''
    if (shared.length) {
      const from = `./${relative(src, sibling.file).replace(/\.ts$/, '')}`.replace(/^\.\/\.\./, '..')
      const body = decls.map(([, d]) => d).join('\n')
      const used = shared.filter((n) => new RegExp(`\\b${n}\\b`).test(body)).sort()
      if (used.length) imports += `import type { ${used.join(', ')} } from '${from}'\n\n`
      imports += `export type { ${[...shared].sort().join(', ')} } from '${from}'\n`
    }
    files.set(
      `${src}/${typesModule}.ts`,
      `${MARKER}\n${TYPES_NOTE}\n${imports ? `${imports}\n` : ''}\n${decls.map(([, d]) => d).join('\n')}`,
    )
    const generated = mine.filter((p) => !p.row.handwritten)
    for (const plan of generated)
      files.set(`${src}/${plan.file}.ts`, operationSource(plan, packageHeaders[pkg] ?? {}, typesModule))
    const typeNames = [...decls.map(([n]) => n), ...shared].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    files.set(
      `${src}/operations.ts`,
      [
        MARKER,
        ...generated
          .map((p) => `export { ${p.name} } from './${p.file}'`)
          .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
        `export type { ${typeNames.join(', ')} } from './${typesModule}'`,
        '',
      ].join('\n'),
    )
    if (!packageDirs[pkg]) sections.set(`packages/${pkg}/README.md`, readmeSection(pkg, mine))
  }
  sections.set('docs/migrating-from-openai-node.md', migrationSection(plans))
  for (const { file, refs } of typeFileSchemas) {
    // Params the spec declares inline on operations of hand-written packages: `<OperationId>Query` / `Body`.
    const own = []
    for (const id of inlineParamTypes[file] ?? []) {
      const op = operations[id]
      const base = id.charAt(0).toUpperCase() + id.slice(1)
      const query = op.parameters.filter((p) => p.in === 'query')
      if (query.length) {
        const schema = {
          type: 'object',
          properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
          required: query.filter((p) => p.required).map((p) => p.name),
        }
        own.push([`${base}Query`, `export interface ${base}Query ${emitter.tsType(schema)}\n`])
      }
      if (op.requestBody) {
        const type = emitter.tsType(op.requestBody.schema)
        const object = !op.requestBody.schema.$ref && emitter.objectShape(op.requestBody.schema)
        own.push([
          `${base}Body`,
          `export ${object ? 'interface' : 'type'} ${base}Body ${object ? '' : '= '}${type}\n`,
        ])
      }
    }
    for (const [id] of own) if (schemas[id]) throw new Error(`${file}: the type ${id} is also a schema name`)
    const decls = [...reachable(schemas, [...refs]).map((n) => [n, emitter.declaration(n)]), ...own]
    decls.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    files.set(file, `${MARKER}\n${TYPES_NOTE}\n\n${decls.map(([, d]) => d).join('\n')}`)
  }
  return { files, sections }
}

/** Biome's own binary (the `.bin` shim costs a Node start per file), else the shim. */
function biomeBinary() {
  try {
    const require = createRequire(join(root, 'node_modules', '@biomejs', 'biome', 'package.json'))
    return require.resolve(`@biomejs/cli-${process.platform}-${process.arch}/biome`)
  } catch {
    return join(root, 'node_modules', '.bin', 'biome')
  }
}

/** Formats (and sorts imports of) one source as if it were at `relativePath` in the repo. */
function format(binary, relativePath, source) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['check', '--write', `--stdin-file-path=${relativePath}`], { cwd: root })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`biome failed on ${relativePath}: ${err}`)),
    )
    child.stdin.end(source)
  })
}

export async function formatAll(files) {
  const binary = biomeBinary()
  const entries = [...files]
  const out = new Map()
  for (let i = 0; i < entries.length; i += 8) {
    const batch = entries.slice(i, i + 8)
    const formatted = await Promise.all(batch.map(([rel, src]) => format(binary, rel, src)))
    for (const [j, [rel]] of batch.entries()) out.set(rel, formatted[j])
  }
  return out
}

function removeStale(files) {
  for (const pkg of Object.keys(table)) {
    const relDir = packageDirs[pkg] ?? `packages/${pkg}/src`
    const src = join(root, relDir)
    if (!existsSync(src)) continue
    for (const name of readdirSync(src)) {
      const rel = `${relDir}/${name}`
      if (!name.endsWith('.ts') || files.has(rel)) continue
      if (readFileSync(join(src, name), 'utf8').startsWith(MARKER)) rmSync(join(src, name))
    }
  }
}

async function main() {
  const argv = process.argv.slice(2)
  const outIndex = argv.indexOf('--out')
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : undefined
  if (outIndex >= 0 && !outDir) usage('--out takes a folder')
  const specPath = argv.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1))
  if (!specPath && !argv.includes('--snapshot')) usage('missing <openapi.yaml> or --snapshot')
  if (specPath) {
    const { parse } = await import('yaml')
    const doc = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 })
    const roots = Object.values(typeFiles ?? {}).flat()
    const typeOnly = Object.values(inlineParamTypes)
      .flat()
      .map((id) => ({ id, sdk: '' }))
    const snapshot = makeSnapshot(doc, [...tableRows(), ...typeOnly], roots)
    writeFileSync(snapshotPath, `${JSON.stringify(snapshot, null, 1)}\n`)
  }
  const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'))
  const { files, sections } = generate(snapshot)
  const formatted = await formatAll(files)
  const target = outDir ?? root
  for (const [rel, text] of formatted) {
    mkdirSync(dirname(join(target, rel)), { recursive: true })
    writeFileSync(join(target, rel), text)
  }
  for (const [rel, section] of sections) {
    if (outDir) {
      mkdirSync(dirname(join(outDir, rel)), { recursive: true })
      writeFileSync(join(outDir, `${rel}.section`), section)
    } else if (existsSync(join(root, rel)))
      writeFileSync(join(root, rel), replaceSection(readFileSync(join(root, rel), 'utf8'), section))
  }
  if (!outDir) {
    removeStale(formatted)
    for (const pkg of Object.keys(table).filter((p) => !packageDirs[p])) {
      const index = join(root, 'packages', pkg, 'src', 'index.ts')
      if (!existsSync(index)) writeFileSync(index, "export * from './operations'\n")
    }
  }
  console.log(`wrote ${formatted.size} files and ${sections.size} sections to ${target}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
