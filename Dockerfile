# The API for production-like runs (docker compose up). Build: docker build -t gov-service-api .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# the console (apps/console) is its own npm project: Vue 3, Element Plus, ECharts, built by Vite
COPY apps/console/package.json apps/console/package-lock.json apps/console/
RUN npm ci --prefix apps/console --no-audit --no-fund
COPY . .
RUN npx nest build && npm --prefix apps/console run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# served at /console (CONSOLE_DIST defaults to apps/console/dist under the working directory)
COPY --from=build /app/apps/console/dist ./apps/console/dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
