import { isFileTuple } from '../multipart/input-kinds'
import { type NodeUploadable, toFile } from './to-file'

/**
 * The params with each named file field read through the Node `toFile` (a path string, a `file:` URL or an
 * `fs.ReadStream` becomes a file); an array that is not a `[filename, contents]` tuple is read item by item.
 * Fields that are absent, or reference objects (`{ file_id }`), are left as they are.
 */
export function withNodeFiles<P extends object>(params: P, fields: readonly string[]): P {
  if (typeof params !== 'object' || params === null) return params
  const out = { ...params } as Record<string, unknown>
  for (const field of fields) {
    const value = out[field]
    if (value === undefined) continue
    out[field] =
      Array.isArray(value) && !isFileTuple(value)
        ? value.map((item) => nodeFile(item))
        : nodeFile(value as NodeUploadable)
  }
  return out as P
}

async function nodeFile(value: NodeUploadable | PromiseLike<NodeUploadable>): Promise<unknown> {
  const resolved = await value
  const proto =
    typeof resolved === 'object' && resolved !== null ? Object.getPrototypeOf(resolved) : undefined
  // Plain objects (references like `{ file_id }`) are no file to read; the main entry decides what they are.
  return proto === Object.prototype ? resolved : toFile(resolved)
}
