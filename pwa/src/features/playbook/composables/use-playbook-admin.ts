import { computed, onMounted, ref, shallowRef, watch, type Ref } from 'vue'
import { ApiError } from '@/api/http'
import { INCIDENT_KINDS, type IncidentKind } from '@/api/kinds'
import { playbookApi } from '../api'
import { toProblems } from '../playbook-view'
import type { PlaybookProblem, PlaybookVersion, SaveState } from '../types'

export type ListState = 'loading' | 'ready' | 'failed'

/** The playbooks screen (admin): the newest version of each kind, in the specification's order. */
export function usePlaybookList() {
  const state = ref<ListState>('loading')
  const found = shallowRef<PlaybookVersion[]>([])
  const rows = computed(() =>
    INCIDENT_KINDS.map((kind) => ({ kind, newest: found.value.find((v) => v.kind === kind) ?? null })),
  )
  onMounted(async () => {
    try {
      found.value = await playbookApi.list()
      state.value = 'ready'
    } catch {
      state.value = 'failed'
    }
  })
  return { state, rows }
}

/**
 * One kind's playbook as YAML: read any version, edit, save a new one. A refused save keeps the text
 * and lists the server's problems, each with the line it names, nearest first.
 */
export function usePlaybookEditor(kind: Ref<IncidentKind>) {
  const text = ref('')
  const saved = ref('')
  const shownVersion = ref<number | null>(null)
  const versions = shallowRef<PlaybookVersion[]>([])
  const loadState = ref<ListState>('loading')
  const saveState = ref<SaveState>('idle')
  const problems = shallowRef<PlaybookProblem[]>([])
  const saveError = ref<string | null>(null)

  const newest = computed(() => versions.value[0]?.version ?? null)
  const dirty = computed(() => text.value !== saved.value)

  async function loadVersions(): Promise<void> {
    try {
      versions.value = await playbookApi.versions(kind.value)
    } catch {
      versions.value = []
    }
  }

  async function open(version?: number): Promise<void> {
    loadState.value = 'loading'
    problems.value = []
    saveState.value = 'idle'
    try {
      const yaml = await playbookApi.yaml(kind.value, version)
      text.value = yaml
      saved.value = yaml
      shownVersion.value = version ?? null
      loadState.value = 'ready'
    } catch {
      loadState.value = 'failed'
    }
  }

  async function save(): Promise<boolean> {
    saveState.value = 'saving'
    problems.value = []
    saveError.value = null
    try {
      const version = await playbookApi.save(kind.value, text.value)
      saved.value = text.value
      shownVersion.value = null
      saveState.value = 'saved'
      await loadVersions()
      if (!versions.value.some((v) => v.version === version.version)) versions.value = [version, ...versions.value]
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors?.length) {
        problems.value = toProblems(error.problem.errors)
        saveState.value = 'invalid'
      } else {
        saveError.value = error instanceof Error ? error.message : String(error)
        saveState.value = 'failed'
      }
      return false
    }
  }

  const load = () => Promise.all([open(), loadVersions()])
  onMounted(load)
  watch(kind, load)

  return { text, shownVersion, versions, newest, dirty, loadState, saveState, problems, saveError, open, save }
}
