import type { RouteRecordRaw } from 'vue-router'

export const callbackRoutes: RouteRecordRaw[] = [
  {
    path: 'callbacks',
    name: 'callbacks',
    component: () => import('./views/MyCallbacksView.vue'),
    meta: { title: 'callback.mine', back: '/me' },
  },
  {
    path: 'callbacks/all',
    name: 'callbacks-all',
    component: () => import('./views/CallbackDeskView.vue'),
    meta: { title: 'callback.all', back: '/me', ability: 'callbackDesk' },
  },
]
