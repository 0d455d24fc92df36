import { onBeforeUnmount, onMounted } from 'vue'

/** `entry` events of GET /api/events: something was stored; the screens refetch what changed. */
export interface JournalEvent {
  seq: number
  kind: string
  incident?: string
}

type Listener = (event: JournalEvent) => void

const listeners = new Set<Listener>()
let source: EventSource | null = null
let reconnectTimer: ReturnType<typeof setTimeout> | undefined
let failures = 0

function parse(data: string): JournalEvent | null {
  try {
    const value: unknown = JSON.parse(data)
    if (value && typeof value === 'object' && typeof (value as JournalEvent).seq === 'number') return value as JournalEvent
  } catch {
    // not an entry event
  }
  return null
}

function connect(): void {
  if (source || listeners.size === 0 || typeof EventSource === 'undefined') return
  const es = new EventSource('/api/events', { withCredentials: true })
  source = es
  const deliver = (message: MessageEvent<string>) => {
    const event = parse(message.data)
    if (event) for (const listener of listeners) listener(event)
  }
  es.addEventListener('entry', deliver as EventListener)
  es.onmessage = deliver
  es.onopen = () => {
    failures = 0
  }
  es.onerror = () => {
    // The browser retries by itself unless the stream was refused (401, wrong type): then we do, slower and slower.
    if (es.readyState === EventSource.CLOSED) {
      source = null
      failures++
      clearTimeout(reconnectTimer)
      reconnectTimer = setTimeout(connect, Math.min(30_000, 2_000 * 2 ** Math.min(failures, 4)))
    }
  }
}

function disconnect(): void {
  clearTimeout(reconnectTimer)
  source?.close()
  source = null
}

/** Listens to the server's live events while the component lives (one shared connection). */
export function useJournalEvents(listener: Listener): void {
  const reconnect = () => {
    disconnect()
    connect()
  }
  onMounted(() => {
    listeners.add(listener)
    connect()
    window.addEventListener('online', reconnect)
  })
  onBeforeUnmount(() => {
    listeners.delete(listener)
    window.removeEventListener('online', reconnect)
    if (listeners.size === 0) disconnect()
  })
}
