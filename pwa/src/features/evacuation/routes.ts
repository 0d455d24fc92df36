import type { RouteRecordRaw } from 'vue-router'

export const evacuationRoutes: RouteRecordRaw[] = [
  { path: 'safety', name: 'safety', component: () => import('./views/SafetyView.vue'), meta: { title: 'evacuation.title', back: '/me' } },
  {
    path: 'rollcall/:id',
    name: 'rollcall',
    component: () => import('./views/RollCallView.vue'),
    props: true,
    meta: { title: 'evacuation.rollCall', back: '/safety' },
  },
  {
    path: 'drills/new',
    name: 'drill',
    component: () => import('./views/DrillView.vue'),
    meta: { title: 'evacuation.runDrill', back: '/safety', ability: 'drill' },
  },
  {
    path: 'admin/safety',
    name: 'safety-admin',
    component: () => import('./views/SafetyAdminView.vue'),
    meta: { title: 'safetyAdmin.title', back: '/me', ability: 'administer' },
  },
]
