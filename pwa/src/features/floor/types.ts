/** The floor as the server describes it (docs/api.md, "The floor"). */
export type DeviceKind = 'pc' | 'monitor' | 'headset' | 'phone'
/** A fault that named no device is on the seat as a whole. */
export type FaultDevice = DeviceKind | 'seat'
export type SeatState = 'free' | 'taken' | 'broken'

export const DEVICE_KINDS: readonly DeviceKind[] = ['pc', 'monitor', 'headset', 'phone']

export interface Seat {
  code: string
  floor: string
  zone: string
  site: string
  row?: number | null
  col?: number | null
}

export interface SiteSummary {
  code: string
  name: string
  floors: { code: string; name: string; rows: number; cols: number; seats: number }[]
}

export interface Device {
  kind: FaultDevice
  label?: string | null
  broken: boolean
  faultSince?: string | null
  incident?: string | null
}

export interface SeatView {
  code: string
  zone: string
  row?: number | null
  col?: number | null
  state: SeatState
  equipment: Device[]
  occupant?: string | null
  occupantName?: string | null
  since?: string | null
  incident?: string | null
}

export interface OtherWork {
  username: string
  displayName: string
  work: string
  since: string
  movedBy: string
}

export interface FloorMap {
  site: string
  siteName: string
  floor: string
  floorName: string
  rows: number
  cols: number
  seats: SeatView[]
  otherWork: OtherWork[]
}

export interface Fault {
  id: string
  incident: string
  reportedBy: string
  startedAt: string
  reports: number
  fixedAt?: string | null
  fixedBy?: string | null
  note?: string | null
  repairMinutes?: number | null
}

export interface DeviceHistory {
  kind: FaultDevice
  label?: string | null
  faultCount: number
  mttrMinutes?: number | null
  faults: Fault[]
}

export interface SeatHistory {
  seat: Seat
  now: SeatView
  devices: DeviceHistory[]
}

export interface Placement {
  username: string
  seat?: string | null
  site?: string | null
  floor?: string | null
  work?: string | null
  since?: string | null
  homeSeat?: string | null
}

export interface Proposal {
  username: string
  from?: string | null
  seat?: Seat | null
}

export interface OpenFault {
  id: string
  seat: string
  site?: string | null
  floor?: string | null
  zone?: string | null
  device: FaultDevice
  incident: string
  reportedBy: string
  startedAt: string
  reports: number
  occupant?: string | null
}

export interface PlannedDevice {
  kind: DeviceKind
  label?: string
}

export interface PlannedSeat {
  code: string
  zone: string
  row: number
  col: number
  equipment: PlannedDevice[]
}

export interface FloorPlan {
  name: string
  rows: number
  cols: number
  seats: PlannedSeat[]
}

export interface Moved {
  id: string
  seq: number
  placement: Placement
}
