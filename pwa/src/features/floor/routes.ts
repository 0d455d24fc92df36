import type { RouteRecordRaw } from 'vue-router'

export const floorRoutes: RouteRecordRaw[] = [
  {
    path: 'floor',
    name: 'floor',
    component: () => import('./views/SeatMapView.vue'),
    meta: { title: 'floor.map.title', back: '/board' },
  },
  {
    path: 'seat',
    name: 'my-seat',
    component: () => import('./views/MySeatView.vue'),
    meta: { title: 'floor.mine.title', back: '/report' },
  },
  {
    path: 'seat/:code',
    name: 'seat',
    component: () => import('./views/SeatView.vue'),
    props: true,
    meta: { title: 'floor.seat.title', back: '/floor' },
  },
  {
    path: 'faults',
    name: 'faults',
    component: () => import('./views/FaultsView.vue'),
    meta: { title: 'floor.faults.title', back: '/me', ability: 'faults' },
  },
  {
    path: 'admin/floors',
    name: 'floor-editor',
    component: () => import('./views/FloorEditorView.vue'),
    meta: { title: 'floor.editor.title', back: '/me', ability: 'administer' },
  },
]
