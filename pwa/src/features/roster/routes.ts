import type { RouteRecordRaw } from 'vue-router'

export const rosterRoutes: RouteRecordRaw[] = [
  { path: 'roster', name: 'roster', component: () => import('./views/RosterView.vue'), meta: { title: 'roster.title', back: '/me' } },
]
