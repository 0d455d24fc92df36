import type { RouteRecordRaw } from 'vue-router'

export const captureRoutes: RouteRecordRaw[] = [
  {
    path: 'capture',
    name: 'capture',
    component: () => import('./views/CaptureView.vue'),
    meta: { title: 'capture.title', back: '/report', ability: 'capture' },
  },
  {
    path: 'capture/paper',
    name: 'capture-paper',
    component: () => import('./views/CaptureView.vue'),
    props: { paper: true },
    meta: { title: 'capture.paperTitle', back: '/me', ability: 'capture' },
  },
  {
    path: 'capture/backfill',
    name: 'capture-backfill',
    component: () => import('./views/BackfillView.vue'),
    meta: { title: 'capture.backfillTitle', back: '/me', ability: 'backfill' },
  },
  {
    path: 'capture/admin',
    name: 'capture-admin',
    component: () => import('./views/CaptureAdminView.vue'),
    meta: { title: 'capture.adminTitle', back: '/me', ability: 'administer' },
  },
]
