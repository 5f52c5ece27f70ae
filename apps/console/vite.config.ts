import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

/** Built into dist/, which the API serves at /console (apps/api/src/console/console.module.ts). */
export default defineConfig({
  base: '/console/',
  // Element Plus on demand: each component (and its CSS) is imported where a template uses it
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dts: false })],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npm run dev`: the API on :3000 behind the same origin
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
});
