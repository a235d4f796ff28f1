export {
  _createEventEngine,
  type BaseHelperEvents,
  type EventEngine,
  type EventHelper,
  type HelperBase,
} from './event-engine'
export { _listen, type AnyListener, type Emit, type Listening } from './listeners'
export { _relayedEvents, type RelayedStreamSource } from './relayed-events'
