// Types of names.mjs for the TypeScript tests that import it.
export function functionName(sdkPath: string): string
export function kebab(name: string): string
export function camel(name: string): string
export function pascalCase(name: string): string
export function summary(name: string): string
