// Health panel reads: main-side state nobody pushes, polled while the panel is open. Nothing goes to
// the store, so the calls themselves are the actions.
export { probeApi, recentListenerEvents } from '../../lib/api'
