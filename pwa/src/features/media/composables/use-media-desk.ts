import { computed, reactive, ref, shallowRef } from 'vue'
import type { MediaEntryKind } from '@/api/entries'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { networkFirst } from '@/offline/cache'
import { appDb } from '@/offline/db'
import { useOutboxStore } from '@/offline/store'
import { mediaApi } from '../api'
import type { Designation, Inquiry, InquiryAction, InquiryState, MediaLanguage, Statement, StatementAudience } from '../types'

const ACTION_KINDS: Record<InquiryAction, MediaEntryKind> = {
  acknowledge: 'media.inquiry.acknowledged',
  refer: 'media.inquiry.referred',
  answer: 'media.inquiry.answered',
  decline: 'media.inquiry.declined',
}

/** Which actions an inquiry still allows, in order: forward only, and nothing once answered or declined. */
export function actionsFor(state: InquiryState): InquiryAction[] {
  switch (state) {
    case 'new':
      return ['acknowledge', 'refer', 'answer', 'decline']
    case 'with_manager':
      return ['refer', 'answer', 'decline']
    case 'referred':
      return ['answer', 'decline']
    default:
      return []
  }
}

/**
 * The media screen for the manager, leadership and the spokesperson: the register (last copy when offline; actions
 * go through the outbox), statements and their approval, and the spokesperson of each incident.
 */
export function useMediaDesk() {
  const session = useSessionStore()
  const outbox = useOutboxStore()
  const inquiries = shallowRef<Inquiry[]>([])
  const statements = shallowRef<Statement[]>([])
  const designations = shallowRef<Designation[]>([])
  const error = ref<string | null>(null)
  const isLeadership = computed(() => can(session.user, 'mediaLead'))
  const mayDraft = computed(() => (session.user?.roles ?? []).some((r) => r === 'manager' || r === 'spokesperson' || r === 'leadership'))
  const mayAct = computed(() => (session.user?.roles ?? []).some((r) => r === 'manager' || r === 'leadership'))
  const draft = reactive<{ audience: StatementAudience; language: MediaLanguage; text: string; incident: string }>({
    audience: 'public',
    language: 'zh-CN',
    text: '',
    incident: '',
  })
  const designation = reactive({ incident: '', username: 'spokesperson' })

  async function load(): Promise<void> {
    try {
      const register = await networkFirst(appDb(), 'media-register', mediaApi.register)
      inquiries.value = Array.isArray(register.value) ? register.value : []
    } catch {
      // no network and no copy yet
    }
    try {
      statements.value = await mediaApi.statements()
      designations.value = await mediaApi.designations()
    } catch {
      // statements and designations are read online only
    }
  }

  async function act(inquiry: Inquiry, action: InquiryAction): Promise<void> {
    await outbox.record(ACTION_KINDS[action], { inquiry: inquiry.id }, inquiry.incident ?? undefined)
  }

  async function run(call: () => Promise<unknown>): Promise<boolean> {
    error.value = null
    try {
      await call()
      await load()
      return true
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return false
    }
  }

  async function saveDraft(statement?: string): Promise<boolean> {
    const text = draft.text.trim()
    if (!text) return false
    const incident = draft.incident.trim()
    const ok = await run(() =>
      mediaApi.draft({
        ...(statement ? { statement } : {}),
        ...(incident ? { incident } : {}),
        audience: draft.audience,
        text: { [draft.language]: text },
      }),
    )
    if (ok) draft.text = ''
    return ok
  }

  const approve = (statement: Statement, version: number) => run(() => mediaApi.approve(statement.id, version))
  const designate = () => run(() => mediaApi.designate(designation.incident.trim(), designation.username.trim()))

  return {
    inquiries,
    statements,
    designations,
    error,
    isLeadership,
    mayDraft,
    mayAct,
    draft,
    designation,
    load,
    act,
    saveDraft,
    approve,
    designate,
  }
}
