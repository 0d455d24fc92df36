import type { RouteRecordRaw } from 'vue-router'

export const presenceRoutes: RouteRecordRaw[] = [
  {
    path: 'presence',
    name: 'presence',
    component: () => import('./views/PresenceView.vue'),
    meta: { title: 'presence.title', back: '/me' },
  },
  {
    path: 'presence/duty',
    name: 'presence-duty',
    component: () => import('./views/DutyListView.vue'),
    meta: { title: 'presence.dutyTitle', back: '/me', ability: 'presenceDecide' },
  },
]
