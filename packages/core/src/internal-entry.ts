// The `@acme/openai-core/internal` entry: plumbing for the @acme/openai-* packages, not for apps. Each name is
// `@internal` and may change in any release. Off the main entry, so the main entry is exactly the public API.
export { _assertClient } from './assert-client'
export { _resolveAuthHeaders } from './auth-headers'
export { _createEventEngine, _listen, _relayedEvents } from './events/index'
export { type _PollSettings, _pollUntil } from './poll-until'
