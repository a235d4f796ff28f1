export { ResponseIncompleteError, ResponseParseError, ResponseRefusalError } from './parse-errors'
export { type ParsedOutput, type ParsedResponse, parseResponse } from './parse-response'
export { type AutoParseableTextFormat, zodTextFormat } from './zod-text-format'
