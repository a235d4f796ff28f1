// The `@acme/openai-core/redact` entry: the redaction helpers, plumbing for the @acme/openai-* packages (each is
// `@internal`). Apart from `/internal` because the lazily loaded failure chunk uses them: bundlers split by file,
// so any app whose code statically reaches these would ship them up front. Only the packages that redact do.
export { _redactValues, _secretValues, redactHeaders, redactSecrets, redactURL } from './redact'
