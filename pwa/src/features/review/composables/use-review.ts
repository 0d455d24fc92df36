import { computed, ref, shallowRef } from 'vue'
import { ApiError } from '@/api/http'
import { can } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { reviewApi } from '../api'
import type { ActionDraft, FollowUp, Review, ReviewDraft } from '../types'

export function draftOf(review: Review): ReviewDraft {
  return {
    whatHappened: review.whatHappened,
    impact: review.impact,
    wentWell: review.wentWell,
    toChange: review.toChange,
    actions: review.actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, due: a.due })),
  }
}

/** The action ids are made here, once, so that saving twice never makes two of the same action. */
export function withIds(draft: ReviewDraft, makeId: () => string = () => crypto.randomUUID()): ReviewDraft {
  return { ...draft, actions: draft.actions.map((a) => ({ ...a, id: a.id ?? makeId() })) }
}

export function emptyAction(): ActionDraft {
  return { text: '', owner: '', due: '' }
}

/** One incident's review: read, write (a manager), approve (leadership), actions marked done by their owners. */
export function useReview(incident: string) {
  const session = useSessionStore()
  const review = shallowRef<Review | null>(null)
  const draft = ref<ReviewDraft>({ whatHappened: '', impact: '', wentWell: '', toChange: '', actions: [] })
  const error = ref<string | null>(null)
  const fieldErrors = ref<Record<string, string>>({})
  const saving = ref(false)

  const mayWrite = computed(() => can(session.user, 'reviewWrite'))
  const mayApprove = computed(() => can(session.user, 'reviewApprove') && review.value?.state === 'draft')
  const mayUpdate = (action: FollowUp) => action.owner === session.user?.username || can(session.user, 'reviewWrite')

  function show(r: Review) {
    review.value = r
    draft.value = draftOf(r)
  }

  function fail(e: unknown) {
    error.value = e instanceof ApiError ? e.message : String(e)
    fieldErrors.value = e instanceof ApiError ? Object.fromEntries((e.problem?.errors ?? []).map((f) => [f.field, f.message])) : {}
  }

  async function load() {
    error.value = null
    try {
      show(await reviewApi.get(incident))
    } catch (e) {
      fail(e)
    }
  }

  async function save() {
    saving.value = true
    error.value = null
    fieldErrors.value = {}
    try {
      draft.value = withIds(draft.value)
      show(await reviewApi.write(incident, draft.value, crypto.randomUUID()))
    } catch (e) {
      fail(e)
    } finally {
      saving.value = false
    }
  }

  async function approve() {
    if (!review.value) return
    try {
      show(await reviewApi.approve(incident, review.value.version, crypto.randomUUID()))
    } catch (e) {
      fail(e)
    }
  }

  async function toggle(action: FollowUp) {
    try {
      await reviewApi.updateAction(action.id, action.state === 'done' ? 'open' : 'done', crypto.randomUUID())
      await load()
    } catch (e) {
      fail(e)
    }
  }

  return { review, draft, error, fieldErrors, saving, mayWrite, mayApprove, mayUpdate, load, save, approve, toggle }
}

/** A calendar day (YYYY-MM-DD) in the reader's locale: a due date is a day, not an instant, so no time zone shifts it. */
export function localDay(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(date)
}
