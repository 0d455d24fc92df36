import type { RouteRecordRaw } from 'vue-router'

export const powerRoutes: RouteRecordRaw[] = [
  { path: 'power', name: 'power', component: () => import('./views/PowerView.vue'), meta: { title: 'power.title', back: '/me' } },
  {
    path: 'power/outages/new',
    name: 'outage-new',
    component: () => import('./views/OutageFormView.vue'),
    meta: { title: 'power.outage.new', back: '/power', ability: 'planOutage' },
  },
  {
    path: 'power/outages/:id',
    name: 'outage',
    component: () => import('./views/OutageView.vue'),
    props: true,
    meta: { title: 'power.outage.title', back: '/power' },
  },
]
