import type { RouteRecordRaw } from 'vue-router'

export const reviewRoutes: RouteRecordRaw[] = [
  {
    path: 'reviews',
    name: 'reviews',
    component: () => import('./views/ReviewListView.vue'),
    meta: { title: 'review.title', back: '/me', ability: 'reviews' },
  },
  {
    path: 'reviews/:incident',
    name: 'review',
    component: () => import('./views/ReviewView.vue'),
    meta: { title: 'review.one', back: '/reviews' },
  },
  {
    path: 'actions',
    name: 'actions',
    component: () => import('./views/ActionsView.vue'),
    meta: { title: 'review.myActions', back: '/me' },
  },
  {
    path: 'reports',
    name: 'reports',
    component: () => import('./views/ReportsView.vue'),
    meta: { title: 'review.reports', back: '/me', ability: 'reports' },
  },
]
