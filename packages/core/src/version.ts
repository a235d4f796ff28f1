declare const __VERSION__: string

/** The version of @acme/openai-core, set at build time. */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'
