import { gap } from './composables/chart'
import type { JournalAnswer, QueueStatus, StaffMove, StaffProposal, StaffShift } from './types'

/**
 * The people ticked when a proposal is shown: those the server proposes to close the gap, in the candidates' order
 * (outbound first, then support, longest on shift first), and never anyone who is not a candidate any more.
 */
export function preselect(proposal: StaffProposal): string[] {
  const proposed = new Set(proposal.proposed)
  return proposal.candidates.filter((c) => proposed.has(c.username)).map((c) => c.username)
}

/** A queue whose proposal is worth showing unasked: fewer agents staffed than required now, or a surge under way. */
export function needsStaff(status: QueueStatus): boolean {
  return (gap(status.now) ?? 0) < 0 || !!status.surge
}

/** What became of a move or a return, person by person. */
export interface PeopleOutcome {
  done: string[]
  refused: Array<{ username: string; reason: string }>
}

/** Reads the journal's answers, which come in the order the people were named; a missing answer is a refusal. */
export function outcomeOf(usernames: readonly string[], answers: readonly JournalAnswer[]): PeopleOutcome {
  const outcome: PeopleOutcome = { done: [], refused: [] }
  usernames.forEach((username, i) => {
    const answer = answers[i]
    if (answer && answer.status !== 'refused') outcome.done.push(username)
    else outcome.refused.push({ username, reason: answer?.reason ?? '' })
  })
  return outcome
}

/** A person on the lines as the screen lists them: name, the queue's name, since when, from which position. */
export interface MovedPerson {
  username: string
  name: string
  queue: string
  queueName: string
  position: string
  movedAt: string
  incidentId: string
}

/** The people moved now, longest on the lines first, named from the roster and the queues where known. */
export function movedPeople(moves: readonly StaffMove[], shifts: readonly StaffShift[], statuses: readonly QueueStatus[]): MovedPerson[] {
  const names = new Map(shifts.map((s) => [s.username, s.displayName]))
  const queues = new Map(statuses.map((s) => [s.queue.code, s.queue.name]))
  return moves
    .filter((m) => !m.returnedAt)
    .map((m) => ({
      username: m.username,
      name: names.get(m.username) ?? m.username,
      queue: m.queue,
      queueName: queues.get(m.queue) ?? m.queue,
      position: m.position,
      movedAt: m.movedAt,
      incidentId: m.incidentId,
    }))
    .sort((a, b) => a.movedAt.localeCompare(b.movedAt) || a.name.localeCompare(b.name))
}
