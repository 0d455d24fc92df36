/**
 * The one way the app talks to /api: same-origin cookies, JSON, the person's language, and errors
 * as values a caller can tell apart (not signed in, not allowed, refused input, no connection).
 */

export interface ProblemField {
  field: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: ProblemField[]
}

export type FailureReason = 'network' | 'unauthorized' | 'forbidden' | 'client' | 'server'

export class ApiError extends Error {
  readonly reason: FailureReason
  readonly status: number
  readonly problem: Problem | null

  constructor(reason: FailureReason, status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `${reason} (${status})`)
    this.name = 'ApiError'
    this.reason = reason
    this.status = status
    this.problem = problem
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface HttpOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  /** A body sent as is (a playbook's YAML), instead of JSON. */
  text?: { value: string; type: string }
  /** Read the answer as text (a playbook's YAML) instead of JSON. */
  as?: 'json' | 'text'
  signal?: AbortSignal
}

interface HttpConfig {
  fetch: FetchLike
  language: () => string
  onUnauthorized: () => void
}

const config: HttpConfig = {
  fetch: (input, init) => globalThis.fetch(input, init),
  language: () => 'zh-CN',
  onUnauthorized: () => undefined,
}

/** Wires the client to the app: where the language comes from and who hears about a 401. */
export function configureHttp(next: Partial<HttpConfig>): void {
  Object.assign(config, next)
}

export function currentLanguage(): string {
  return config.language()
}

function reasonFor(status: number): FailureReason {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status >= 500) return 'server'
  return 'client'
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const text = await response.text()
    return text ? (JSON.parse(text) as Problem) : null
  } catch {
    return null
  }
}

export async function request<T>(path: string, options: HttpOptions = {}, fetchImpl: FetchLike = config.fetch): Promise<T> {
  const headers: Record<string, string> = {
    Accept: options.as === 'text' ? 'text/yaml, text/plain' : 'application/json',
    'Accept-Language': config.language(),
  }
  if (options.text) headers['Content-Type'] = options.text.type
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const body = options.text ? options.text.value : options.body === undefined ? undefined : JSON.stringify(options.body)
  let response: Response
  try {
    response = await fetchImpl(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    throw new ApiError('network', 0, null, error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) {
    const reason = reasonFor(response.status)
    if (reason === 'unauthorized') config.onUnauthorized()
    throw new ApiError(reason, response.status, await readProblem(response))
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  if (options.as === 'text') return text as T
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
}

export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && (error.reason === 'network' || error.reason === 'server')
}
