import type { RouteRecordRaw } from 'vue-router'

export const feedbackRoutes: RouteRecordRaw[] = [
  {
    path: 'feedback',
    name: 'feedback',
    component: () => import('./views/FeedbackView.vue'),
    meta: { title: 'feedback.title', back: '/board', ability: 'feedback' },
  },
  {
    path: 'feedback/flag',
    name: 'feedback-flag',
    component: () => import('./views/FlagView.vue'),
    meta: { title: 'feedback.flag.title', back: '/me' },
  },
]
