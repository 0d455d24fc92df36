import { http } from '@/api/http'

/** One of the person's devices with Web Push on, as the server lists them. */
export interface PushDevice {
  id: string
  service: string
  userAgent?: string
  createdAt: string
  lastOkAt?: string
}

export type PushState = 'unsupported' | 'denied' | 'off' | 'on'

export const pushApi = {
  key: () => http.get<{ publicKey: string }>('/api/notify/push/key'),
  subscribe: (subscription: PushSubscriptionJSON) => http.post<PushDevice>('/api/notify/push/subscriptions', subscription),
  devices: () => http.get<PushDevice[]>('/api/notify/push/subscriptions'),
  forget: (id: string) => http.delete<void>(`/api/notify/push/subscriptions/${encodeURIComponent(id)}`),
  test: () => http.post<{ channel: string; ok: boolean; error?: string }>('/api/notify/push/test'),
}

/** The server's key (base64url, as the API gives it) as the bytes `pushManager.subscribe` takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  const raw = atob(base64)
  const out = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** Where push stands on this device: the browser's permission, and whether a subscription exists. */
export async function pushState(registration: ServiceWorkerRegistration | null): Promise<PushState> {
  if (!pushSupported() || !registration) return 'unsupported'
  if (Notification.permission === 'denied') return 'denied'
  const subscription = await registration.pushManager.getSubscription()
  return subscription ? 'on' : 'off'
}

/** Asks the browser for permission, subscribes with the server's key, and tells the server where to push. */
export async function turnPushOn(registration: ServiceWorkerRegistration): Promise<PushState> {
  const permission = await Notification.requestPermission()
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off'
  const { publicKey } = await pushApi.key()
  let subscription = await registration.pushManager.getSubscription()
  if (subscription) {
    // made with another server key (e.g. before a restore): start again
    const existing = subscription.options.applicationServerKey
    const same = existing && btoa(String.fromCharCode(...new Uint8Array(existing))) === btoa(String.fromCharCode(...keyBytes(publicKey)))
    if (!same) {
      await subscription.unsubscribe()
      subscription = null
    }
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) })
  await pushApi.subscribe(subscription.toJSON())
  return 'on'
}

/** Unsubscribes this device and makes the server forget it. */
export async function turnPushOff(registration: ServiceWorkerRegistration): Promise<PushState> {
  const subscription = await registration.pushManager.getSubscription()
  if (subscription) {
    const endpoint = subscription.endpoint
    await subscription.unsubscribe()
    const devices = await pushApi.devices()
    const mine = await Promise.all(devices.map(async (d) => ((await sha256Hex(endpoint)) === d.id ? d : null)))
    for (const d of mine) if (d) await pushApi.forget(d.id)
  }
  return 'off'
}

/** The server names a device by the SHA-256 of its endpoint. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
