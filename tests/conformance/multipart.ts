// Shared by the conformance suites that send files: what must agree between the official client's request and ours,
// with multipart bodies compared field by field (boundaries ignored).
import type { RecordedRequest } from '@acme/openai-mock'

/** Field name, then value: text, or a file part's filename, content type and bytes (base64, so binary compares). */
export async function multipartFields(request: RecordedRequest): Promise<unknown[]> {
  const form = await new Response(request.body as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': request.headers['content-type'] },
  }).formData()
  const fields: unknown[] = []
  for (const [name, value] of form)
    fields.push(
      typeof value === 'string'
        ? [name, value]
        : [
            name,
            {
              filename: value.name,
              type: value.type,
              bytes: Buffer.from(await value.arrayBuffer()).toString('base64'),
            },
          ],
    )
  return fields
}

const byName = (a: any, b: any) => String(a[0]).localeCompare(String(b[0]))

/** Method, path, query, auth, accept, content type, JSON body and multipart fields of a recorded request. */
export async function multipartEssentials(request: RecordedRequest, anyFieldOrder = false) {
  const type = request.headers['content-type']
  const multipart = type?.startsWith('multipart/form-data; boundary=')
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    authorization: request.headers.authorization,
    accept: request.headers.accept,
    contentType: multipart ? 'multipart/form-data' : type,
    json: request.json,
    fields: multipart
      ? await multipartFields(request).then((f) => (anyFieldOrder ? f.sort(byName) : f))
      : undefined,
  }
}
