import type { DeviceLogLine, LogEntry, LogLine } from './types'

/**
 * The management log as shown: the stored entries in seq order, numbered from 1 within the incident,
 * then what this device recorded and the server has not stored, oldest first.
 */
export function toLogLines(stored: readonly LogEntry[], local: readonly DeviceLogLine[]): LogLine[] {
  const ordered = [...stored].sort((a, b) => a.seq - b.seq)
  const ids = new Set(ordered.map((e) => e.id))
  return [
    ...ordered.map((entry, index) => ({ source: 'server' as const, line: index + 1, entry })),
    ...[...local].filter((line) => !ids.has(line.id)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
  ]
}
