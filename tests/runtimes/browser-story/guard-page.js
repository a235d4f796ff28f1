// The browser guard: a page that puts an API key in the client without `dangerouslyAllowBrowser` is stopped
// before any request, with an error that says what to do instead.
import { createClient } from '@acme/openai-core'

const result = document.getElementById('result')
try {
  createClient({ apiKey: 'sk-page-should-not-have-this', baseURL: new URL('/v1', location.href).href })
  result.textContent = 'created a client (the guard did not fire)'
} catch (error) {
  result.textContent = `${error.name}: ${error.message}`
}
