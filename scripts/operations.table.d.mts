// Types of operations.table.mjs for the TypeScript tests that import it.
export interface RowHints {
  name?: string
  handwritten?: boolean
  binary?: boolean
  json?: boolean
  accept?: string
  path?: string
  body?: 'empty'
  omit?: string[]
  example?: string
  multipart?: string[]
  /** Optional params the official SDKs take that the spec does not list: name -> TypeScript type. */
  extra?: Record<string, string>
  headers?: Record<string, string>
  /** `true`: chunks of the result's shape; a schema name: that schema's events. */
  stream?: boolean | string
  alsoSdk?: string[]
}
export type Row = [
  id: string,
  sdk: string,
  page?: 'cursor' | 'conversation' | 'single' | null,
  hints?: RowHints,
]
export const packageHeaders: Record<string, Record<string, string>>
export const packages: Record<string, string>
export const packageDirs: Record<string, string>
export const typesModules: Record<string, string>
export const table: Record<string, Row[]>
export const typeFiles: Record<string, string[]>
export const inlineParamTypes: Record<string, string[]>
