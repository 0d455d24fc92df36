/** One in-app notice (GET /api/notify/inbox). */
export interface Notice {
  id: string
  kind: string
  incident?: string
  text: string
  createdAt: string
  read: boolean
  firing?: string
  ackUrl?: string
}

export interface Inbox {
  unread: number
  notices: Notice[]
}

export const CHANNELS = ['app', 'push', 'email', 'sms', 'webhook', 'dingtalk', 'wecom', 'feishu', 'slack'] as const
export type ChannelName = (typeof CHANNELS)[number]

export type SettingValue = string | number | boolean

/** GET /api/notify/channels: secret settings are never answered, only whether they are set. */
export interface ChannelConfig {
  channel: ChannelName
  enabled: boolean
  group: boolean
  settings: Record<string, SettingValue>
  secrets: Record<string, boolean>
}

/** PUT /api/notify/channels: a secret left out keeps its value, `""` removes it. */
export interface ChannelUpdate {
  channel: ChannelName
  enabled?: boolean
  settings?: Record<string, SettingValue | null>
}

export type FieldType = 'text' | 'url' | 'number' | 'switch' | 'secret' | 'template'

export interface ChannelField {
  name: string
  type: FieldType
  placeholder?: string
}

/** POST /api/notify/channels/{channel}/test */
export interface TestOutcome {
  channel: ChannelName
  ok: boolean
  error?: string
}

export type InboxState = 'idle' | 'ready' | 'cached' | 'failed'
export type ChannelsState = 'loading' | 'ready' | 'failed'
export type TestState = 'idle' | 'sending' | 'ok' | 'failed'
