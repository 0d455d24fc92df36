import type { RouteRecordRaw } from 'vue-router'

/** Outside the main layout. */
export const authRoutes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, title: 'auth.login.title' } },
]

/** Inside the main layout. */
export const meRoutes: RouteRecordRaw[] = [
  { path: 'me', name: 'me', component: () => import('./views/MeView.vue'), meta: { title: 'me.title' } },
]
