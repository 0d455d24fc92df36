import { http } from '@/api/http'
import type { ChannelConfig, ChannelName, ChannelUpdate, Inbox, TestOutcome } from './types'

export const notifyApi = {
  inbox: () => http.get<Inbox>('/api/notify/inbox'),
  read: (id: string) => http.post<Inbox>(`/api/notify/inbox/${encodeURIComponent(id)}/read`),
  channels: () => http.get<ChannelConfig[]>('/api/notify/channels'),
  saveChannels: (updates: ChannelUpdate[]) => http.put<ChannelConfig[]>('/api/notify/channels', updates),
  test: (channel: ChannelName, to?: string) =>
    http.post<TestOutcome>(`/api/notify/channels/${encodeURIComponent(channel)}/test`, to ? { to } : {}),
}
