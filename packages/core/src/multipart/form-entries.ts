import { InvalidUploadError } from './errors'
import type { FormValue, StreamingFile } from './types'
import { isStreamingFile } from './uploadable'

/**
 * Flattens a params object into multipart fields the way openai-node does: `undefined` is skipped, scalars become
 * text, arrays repeat `key[]`, nested objects become `key[prop]`; `null` is refused (send the string `'null'`).
 * The order is openai-node's too: a body with a stream in it goes in key order, any other body has its arrays
 * after the other fields (openai-node appends them only once their items are ready).
 */
export function formEntries(params: Record<string, unknown>): [string, FormValue][] {
  const inOrder: [string, FormValue][] = []
  const now: [string, FormValue][] = []
  const arrays: [string, FormValue][] = []
  for (const [key, value] of Object.entries(params)) {
    const start = inOrder.length
    addEntry(inOrder, key, value)
    ;(Array.isArray(value) ? arrays : now).push(...inOrder.slice(start))
  }
  return inOrder.some(([, value]) => isStreamingFile(value)) ? inOrder : [...now, ...arrays]
}

function addEntry(out: [string, FormValue][], key: string, value: unknown): void {
  if (value === undefined) return
  if (value === null)
    throw new InvalidUploadError(`"${key}" is null: leave it out, or send the string 'null'.`, key)
  // Files (Blobs and StreamingFiles) are the objects with a stream(); other objects are nested fields.
  if (typeof value !== 'object' || typeof (value as Blob).stream === 'function')
    out.push([key, typeof value === 'object' ? (value as Blob | StreamingFile) : String(value)])
  else
    for (const [name, prop] of Object.entries(value))
      addEntry(out, Array.isArray(value) ? `${key}[]` : `${key}[${name}]`, prop)
}
