import type { RouteRecordRaw } from 'vue-router'

export const notifyRoutes: RouteRecordRaw[] = [
  { path: 'inbox', name: 'inbox', component: () => import('./views/InboxView.vue'), meta: { title: 'inbox.title', back: '/board' } },
  {
    path: 'admin/channels',
    name: 'channels',
    component: () => import('./views/ChannelsView.vue'),
    meta: { title: 'channels.title', back: '/me', ability: 'administer' },
  },
]
