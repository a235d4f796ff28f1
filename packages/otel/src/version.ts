declare const __VERSION__: string

/** The instrumentation scope of every span, metric and log record. */
export const SCOPE = '@acme/openai-otel'
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'
