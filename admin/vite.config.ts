import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // @hotline/api/domain from its TypeScript sources, not the server's compiled dist/ (README, "Build").
  resolve: { conditions: ['@hotline/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/exports': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
