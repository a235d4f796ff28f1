/**
 * Azure's realtime socket lives on its v1 API whatever version the client's HTTP calls use:
 * `wss://<resource>/openai/v1/realtime?model=<deployment>`, without `api-version`. Realtime builds the usual URL
 * (`<baseURL>/realtime?model=…`) and hands it here, because the client carries this as `options.realtimeURL`.
 */
export function azureRealtimeURL(url: URL): URL {
  url.pathname = url.pathname.replace(/(\/v1)?\/realtime$/, '/v1/realtime')
  url.searchParams.delete('api-version')
  return url
}
