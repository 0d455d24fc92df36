import type { RouteRecordRaw } from 'vue-router'

export const mediaRoutes: RouteRecordRaw[] = [
  {
    path: 'media',
    name: 'media',
    component: () => import('./views/MediaView.vue'),
    meta: { title: 'media.title', back: '/board', ability: 'media' },
  },
]
