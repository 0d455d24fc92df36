import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw } from 'vue-router'
import { authRoutes, meRoutes } from '@/features/auth/routes'
import { homePath } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { incidentRoutes } from '@/features/incident/routes'
import { procedureRoutes } from '@/features/procedure/routes'
import { reportRoutes } from '@/features/report/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Readable without signing in (the procedures, the login page). */
    public?: boolean
    /** i18n key of the top bar's title. */
    title?: string
  }
}

export const routes: RouteRecordRaw[] = [
  ...authRoutes,
  {
    path: '/',
    component: () => import('@/layouts/MainLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => homePath(useSessionStore().user) },
      ...reportRoutes,
      ...incidentRoutes,
      ...procedureRoutes,
      ...meRoutes,
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: deep links and offline reloads always load index.html. */
export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach((to) => {
    const session = useSessionStore()
    if (to.meta.public || session.user) return true
    return { path: '/login', query: { redirect: to.fullPath } }
  })
  return router
}
