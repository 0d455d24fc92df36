import type { RouteRecordRaw } from 'vue-router'

export const knowledgeRoutes: RouteRecordRaw[] = [
  {
    path: 'knowledge',
    name: 'knowledge',
    component: () => import('./views/KnowledgeListView.vue'),
    meta: { title: 'knowledge.title', back: '/me' },
  },
  {
    path: 'knowledge/new',
    name: 'knowledge-new',
    component: () => import('./views/KnowledgeEditView.vue'),
    meta: { title: 'knowledge.new', back: '/knowledge', ability: 'knowledgeEdit' },
  },
  {
    path: 'knowledge/:id',
    name: 'knowledge-article',
    component: () => import('./views/KnowledgeArticleView.vue'),
    props: true,
    meta: { title: 'knowledge.title', back: '/knowledge' },
  },
  {
    path: 'knowledge/:id/edit',
    name: 'knowledge-edit',
    component: () => import('./views/KnowledgeEditView.vue'),
    props: true,
    meta: { title: 'knowledge.edit', back: '/knowledge', ability: 'knowledgeEdit' },
  },
]
