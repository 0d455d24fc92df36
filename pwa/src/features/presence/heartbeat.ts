import { presenceApi } from './api'

/** How often a signed-in app says it is still there (the server counts a person silent after 5 minutes). */
export const HEARTBEAT_MS = 60_000

let timer: ReturnType<typeof setInterval> | null = null

/** Starts (or stops, for nobody) the heartbeat of the signed-in person's app; a failed beat is simply missed. */
export function keepHeartbeat(username: string | null): void {
  if (timer) clearInterval(timer)
  timer = null
  if (!username) return
  const beat = () => {
    if (typeof navigator === 'undefined' || navigator.onLine) void presenceApi.heartbeat().catch(() => undefined)
  }
  beat()
  timer = setInterval(beat, HEARTBEAT_MS)
}
