import { type CallInterceptor, OpenAIError } from '@acme/openai-core'

/** The endpoints Azure serves per deployment: a POST to one of them goes to `/deployments/<name>/<path>`. */
export const DEPLOYMENT_PATHS: ReadonlySet<string> = new Set([
  '/completions',
  '/chat/completions',
  '/embeddings',
  '/audio/transcriptions',
  '/audio/translations',
  '/audio/speech',
  '/images/generations',
  '/images/edits',
  '/batches',
])

/** The `model` the caller passed: in its params, the JSON body, or the multipart form's field. */
function modelOf(body: unknown): unknown {
  if (typeof FormData !== 'undefined' && body instanceof FormData) return body.get('model') ?? undefined
  return body && typeof body === 'object' ? (body as { model?: unknown }).model : undefined
}

/**
 * Whether an absolute base URL already routes through a `deployments` path segment (then nothing is inserted); not
 * a host such as `deployments.example.com`, nor a segment such as `/deployments-proxy/`.
 */
export const namesDeployment = (baseURL: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?\/deployments([/?#]|$)/i.test(baseURL)

/**
 * An interceptor that routes model calls to a deployment, as Azure's versioned API wants: POSTs to
 * `DEPLOYMENT_PATHS` go to `/deployments/<deployment or the body's model>/<path>`. The name is one percent-encoded
 * segment (`../../admin` stays inside it); other calls, and clients whose base URL names a deployment, pass as they are.
 */
// @__NO_SIDE_EFFECTS__
export function routeToDeployment(deployment?: string): CallInterceptor {
  return (call, next) => {
    const spec = call.spec
    if (
      spec.method === 'post' &&
      spec.body !== undefined &&
      DEPLOYMENT_PATHS.has(spec.path) &&
      !namesDeployment(call.client.baseURL)
    ) {
      // `params` first: a streamed multipart body shows no fields.
      const name = deployment || modelOf(spec.params ?? spec.body)
      if (typeof name === 'string' && name) {
        // encodeURIComponent keeps `/`, `?` and `#` inside the segment (core's `path` would cost 0.5 kB more);
        // only `.` and `..` could still act as segments.
        if (name === '.' || name === '..')
          throw new OpenAIError(`"${name}" is not a deployment name: it would change the request path.`)
        call.spec = { ...spec, path: `/deployments/${encodeURIComponent(name)}${spec.path}` }
      }
    }
    return next()
  }
}
