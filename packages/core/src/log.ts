import { readEnv } from './env'

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug'

/** Anything with console-like methods. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void
  warn(message: string, ...rest: unknown[]): void
  info(message: string, ...rest: unknown[]): void
  debug(message: string, ...rest: unknown[]): void
}

const LEVELS: Record<LogLevel, number> = { off: 0, error: 200, warn: 300, info: 400, debug: 500 }

/** The effective level: the option, else `OPENAI_LOG`, else `warn`; an invalid value warns once and is ignored. */
export function resolveLogLevel(option: string | undefined, logger: Logger): LogLevel {
  for (const [value, source] of [
    [option, 'ClientOptions.logLevel'],
    [readEnv('OPENAI_LOG'), "process.env['OPENAI_LOG']"],
  ] as const) {
    if (value === undefined) continue
    if (value in LEVELS) return value as LogLevel
    logger.warn(`${source} was set to "${value}", expected one of ${JSON.stringify(Object.keys(LEVELS))}`)
  }
  return 'warn'
}

/** True when a message of `level` should be written at the client's `current` level. */
export function shouldLog(current: LogLevel, level: Exclude<LogLevel, 'off'>): boolean {
  return LEVELS[level] <= LEVELS[current]
}
