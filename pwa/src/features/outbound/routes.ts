import type { RouteRecordRaw } from 'vue-router'

export const outboundRoutes: RouteRecordRaw[] = [
  {
    path: 'outbound',
    name: 'outbound',
    component: () => import('./views/MyOutboundView.vue'),
    meta: { title: 'outbound.mine', back: '/me' },
  },
  {
    path: 'outbound/plan',
    name: 'outbound-plan',
    component: () => import('./views/OutboundPlanView.vue'),
    meta: { title: 'outbound.planTitle', back: '/me', ability: 'outboundPlan' },
  },
]
