import { createRouter, createWebHistory } from 'vue-router';
import { mayOpen, pagesFor, PAGES } from './lib/access';
import { session } from './api/session';
import AppLayout from './components/AppLayout.vue';
// the 晾晒台 is the landing page of most: in the first bundle, so its chart waits for no second round of chunks
import BoardPage from './pages/BoardPage.vue';

const pageComponents = {
  board: BoardPage,
  assessment: () => import('./pages/AssessmentPage.vue'),
  workbench: () => import('./pages/WorkbenchPage.vue'),
  ledger: () => import('./pages/LedgerPage.vue'),
  supervision: () => import('./pages/SupervisionPage.vue'),
  inspection: () => import('./pages/InspectionPage.vue'),
  audit: () => import('./pages/AuditPage.vue'),
};

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true } },
    { path: '/dev-sign-in', name: 'dev-sign-in', component: () => import('./pages/DevSignInPage.vue'), meta: { public: true } },
    { path: '/board/screen', name: 'board-screen', component: () => import('./pages/BigScreenPage.vue'), meta: { page: 'board' } },
    {
      path: '/',
      component: AppLayout,
      children: [
        { path: '', name: 'home', component: () => import('./pages/HomePage.vue') },
        ...PAGES.map((page) => ({
          path: page.path.slice(1),
          name: page.name,
          component: pageComponents[page.name as keyof typeof pageComponents],
          meta: { page: page.name },
        })),
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

/** Unsigned visitors go to 登录; a page the role may not open leads to the first one it may (or the home page). */
router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!session.claims) return { name: 'sign-in', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  const page = PAGES.find((p) => p.name === to.meta.page);
  if (page && !mayOpen(page, session.claims.roles)) return { name: pagesFor(session.claims.roles)[0]?.name ?? 'home' };
  if (to.name === 'home' && pagesFor(session.claims.roles).length > 0) return { name: pagesFor(session.claims.roles)[0].name };
  return true;
});
