import type { RouteRecordRaw } from 'vue-router'

export const reportRoutes: RouteRecordRaw[] = [
  { path: 'report', name: 'report', component: () => import('./views/ReportView.vue'), meta: { title: 'report.title' } },
]
