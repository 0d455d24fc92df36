import type { RouteRecordRaw } from 'vue-router'

export const incidentRoutes: RouteRecordRaw[] = [
  { path: 'board', name: 'board', component: () => import('./views/BoardView.vue'), meta: { title: 'board.title' } },
  {
    path: 'incident/:id',
    name: 'incident',
    component: () => import('./views/IncidentView.vue'),
    props: true,
    meta: { title: 'incident.title', back: '/board' },
  },
]
