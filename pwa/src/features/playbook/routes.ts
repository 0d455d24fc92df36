import type { RouteRecordRaw } from 'vue-router'
import { isIncidentKind } from '@/api/kinds'

export const playbookRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/playbooks',
    name: 'playbooks',
    component: () => import('./views/PlaybookListView.vue'),
    meta: { title: 'playbookAdmin.title', back: '/me', ability: 'administer' },
  },
  {
    path: 'admin/playbooks/:kind',
    name: 'playbook-edit',
    component: () => import('./views/PlaybookEditView.vue'),
    props: true,
    beforeEnter: (to) => (isIncidentKind(to.params['kind']) ? true : { name: 'playbooks' }),
    meta: { title: 'playbookAdmin.editTitle', back: '/admin/playbooks', ability: 'administer' },
  },
]
