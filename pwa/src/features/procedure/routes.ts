import type { RouteRecordRaw } from 'vue-router'

export const procedureRoutes: RouteRecordRaw[] = [
  {
    path: 'procedures/:kind?',
    name: 'procedures',
    component: () => import('./views/ProcedureView.vue'),
    props: true,
    meta: { public: true, title: 'procedure.title' },
  },
]
