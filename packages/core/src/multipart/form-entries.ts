import { InvalidUploadError } from './errors'
import type { FormValue, StreamingFile } from './types'

/**
 * Flattens a params object into multipart fields the way openai-node does: `undefined` is skipped, scalars become
 * text, arrays repeat `key[]`, nested objects become `key[prop]`; `null` is refused (send the string `'null'`).
 */
export function formEntries(params: Record<string, unknown>): [string, FormValue][] {
  const out: [string, FormValue][] = []
  for (const [key, value] of Object.entries(params)) addEntry(out, key, value)
  return out
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
