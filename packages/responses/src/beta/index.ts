// The beta Responses API (`?beta=true`): generated operations and their `Beta*` types, kept off the main entry.
export * from './operations'
