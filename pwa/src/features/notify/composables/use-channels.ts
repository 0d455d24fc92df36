import { onMounted, reactive, ref } from 'vue'
import { ApiError } from '@/api/http'
import { notifyApi } from '../api'
import { CHANNEL_FIELDS } from '../channel-fields'
import type { ChannelConfig, ChannelName, ChannelUpdate, ChannelsState, SettingValue, TestState } from '../types'

export type SaveChannelState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed'

/** One channel's form: what is typed; a secret's draft stays `null` (keep it) until the person replaces it. */
export interface ChannelDraft {
  channel: ChannelName
  group: boolean
  enabled: boolean
  values: Record<string, string | boolean>
  secretsSet: Record<string, boolean>
  secrets: Record<string, string | null>
  errors: Record<string, string>
  save: SaveChannelState
  test: TestState
  testError: string | null
  testTo: string
}

export function toDraft(config: ChannelConfig): ChannelDraft {
  const values: Record<string, string | boolean> = {}
  const secrets: Record<string, string | null> = {}
  for (const field of CHANNEL_FIELDS[config.channel] ?? []) {
    const value = config.settings?.[field.name]
    if (field.type === 'secret') secrets[field.name] = null
    else if (field.type === 'switch') values[field.name] = value === true
    else values[field.name] = value === undefined || value === null ? '' : String(value)
  }
  return {
    channel: config.channel,
    group: config.group,
    enabled: config.enabled,
    values,
    secretsSet: { ...(config.secrets ?? {}) },
    secrets,
    errors: {},
    save: 'idle',
    test: 'idle',
    testError: null,
    testTo: '',
  }
}

/** What a form sends: typed values as the API wants them, secrets only when replaced. */
export function toUpdate(draft: ChannelDraft): ChannelUpdate {
  const settings: Record<string, SettingValue | null> = {}
  for (const field of CHANNEL_FIELDS[draft.channel] ?? []) {
    if (field.type === 'secret') {
      const secret = draft.secrets[field.name]
      // A secret being replaced is sent once typed; an empty box keeps what is set.
      if (secret) settings[field.name] = secret
      continue
    }
    const value = draft.values[field.name]
    if (field.type === 'switch') settings[field.name] = value === true
    else if (field.type === 'number') settings[field.name] = value === '' ? null : Number(value)
    else settings[field.name] = typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  return { channel: draft.channel, enabled: draft.enabled, settings }
}

/** The server names a bad field `<channel>.<field>`; each goes next to its field. */
export function fieldErrors(error: unknown, channel: ChannelName): Record<string, string> | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null
  const out: Record<string, string> = {}
  for (const e of error.problem?.errors ?? []) {
    const [owner, ...rest] = e.field.split('.')
    if (owner === channel) out[rest.join('.') || '_'] = e.message
    else out['_'] = e.message
  }
  if (Object.keys(out).length === 0) out['_'] = error.message
  return out
}

/** The notification channels screen (admin): one form per channel, saved and tested one at a time. */
export function useChannels() {
  const state = ref<ChannelsState>('loading')
  const drafts = reactive<ChannelDraft[]>([])

  function show(configs: ChannelConfig[]): void {
    drafts.splice(0, drafts.length, ...configs.map(toDraft))
  }

  async function load(): Promise<void> {
    state.value = 'loading'
    try {
      show(await notifyApi.channels())
      state.value = 'ready'
    } catch {
      state.value = 'failed'
    }
  }
  onMounted(load)

  async function save(draft: ChannelDraft): Promise<void> {
    draft.save = 'saving'
    draft.errors = {}
    try {
      const answer = await notifyApi.saveChannels([toUpdate(draft)])
      const mine = answer.find((c) => c.channel === draft.channel)
      if (mine) Object.assign(draft, { ...toDraft(mine), save: 'saved' as const, test: draft.test, testError: draft.testError })
      else draft.save = 'saved'
    } catch (error) {
      const errors = fieldErrors(error, draft.channel)
      draft.errors = errors ?? {}
      draft.save = errors ? 'invalid' : 'failed'
    }
  }

  async function test(draft: ChannelDraft): Promise<void> {
    draft.test = 'sending'
    draft.testError = null
    try {
      const outcome = await notifyApi.test(draft.channel, draft.testTo.trim() || undefined)
      draft.test = outcome.ok ? 'ok' : 'failed'
      draft.testError = outcome.error ?? null
    } catch (error) {
      draft.test = 'failed'
      draft.testError = error instanceof Error ? error.message : String(error)
    }
  }

  function replaceSecret(draft: ChannelDraft, name: string): void {
    draft.secrets[name] = ''
  }

  function keepSecret(draft: ChannelDraft, name: string): void {
    draft.secrets[name] = null
  }

  return { state, drafts, load, save, test, replaceSecret, keepSecret }
}
