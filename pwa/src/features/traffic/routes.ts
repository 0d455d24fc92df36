import type { RouteRecordRaw } from 'vue-router'

export const trafficRoutes: RouteRecordRaw[] = [
  {
    path: 'traffic',
    name: 'traffic',
    component: () => import('./views/TrafficView.vue'),
    meta: { title: 'traffic.title', back: '/me', ability: 'traffic' },
  },
]
