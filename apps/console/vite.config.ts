import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

/** Built into dist/, which the API serves at /console (apps/api/src/console/console.module.ts). */
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npm run dev`: the API on :3000 behind the same origin
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
});
