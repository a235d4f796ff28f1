/**
 * Azure's realtime socket lives on its v1 API whatever version the client's HTTP calls use:
 * `wss://<resource>/openai/v1/realtime?model=<deployment>`, without `api-version`. Realtime builds the usual URL
 * (`<baseURL>/realtime?model=…`) and hands it here, because the client carries this as `options.realtimeURL`.
 */
export function azureRealtimeURL(url: URL): URL {
  const base = url.pathname
    .replace(/\/realtime$/, '')
    .replace(/\/+/g, '/')
    .replace(/\/+$/, '')
  url.pathname = `${base.endsWith('/v1') ? base : `${base}/v1`}/realtime`
  url.searchParams.delete('api-version')
  return url
}
