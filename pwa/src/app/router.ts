import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw } from 'vue-router'
import { authRoutes, meRoutes } from '@/features/auth/routes'
import { callbackRoutes } from '@/features/callback/routes'
import { outboundRoutes } from '@/features/outbound/routes'
import { captureRoutes } from '@/features/capture/routes'
import { can, homePath, type Ability } from '@/features/auth/roles'
import { useSessionStore } from '@/features/auth/store'
import { floorRoutes } from '@/features/floor/routes'
import { evacuationRoutes } from '@/features/evacuation/routes'
import { incidentRoutes } from '@/features/incident/routes'
import { feedbackRoutes } from '@/features/feedback/routes'
import { knowledgeRoutes } from '@/features/knowledge/routes'
import { mediaRoutes } from '@/features/media/routes'
import { notifyRoutes } from '@/features/notify/routes'
import { presenceRoutes } from '@/features/presence/routes'
import { playbookRoutes } from '@/features/playbook/routes'
import { powerRoutes } from '@/features/power/routes'
import { procedureRoutes } from '@/features/procedure/routes'
import { reportRoutes } from '@/features/report/routes'
import { rosterRoutes } from '@/features/roster/routes'
import { reviewRoutes } from '@/features/review/routes'
import { trafficRoutes } from '@/features/traffic/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Readable without signing in (the procedures, the login page). */
    public?: boolean
    /** i18n key of the top bar's title. */
    title?: string
    /** Where the top bar's back arrow leads when there is no history to go back to. */
    back?: string
    /** What a person must be allowed to do to open the screen. */
    ability?: Ability
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
      ...notifyRoutes,
      ...playbookRoutes,
      ...mediaRoutes,
      ...floorRoutes,
      ...powerRoutes,
      ...rosterRoutes,
      ...evacuationRoutes,
      ...reviewRoutes,
      ...feedbackRoutes,
      ...knowledgeRoutes,
      ...presenceRoutes,
      ...callbackRoutes,
      ...outboundRoutes,
      ...captureRoutes,
      ...trafficRoutes,
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: deep links and offline reloads always load index.html. */
export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach((to) => {
    const session = useSessionStore()
    if (to.meta.public) return true
    if (!session.user) return { path: '/login', query: { redirect: to.fullPath } }
    if (to.meta.ability && !can(session.user, to.meta.ability)) return homePath(session.user)
    return true
  })
  return router
}
