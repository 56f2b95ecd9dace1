# The API as a container, for docker-compose.yml (Neo4j runs in its own container there).
# Build stage: the whole toolchain, to build the explorer's static files.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:explorer

# Run stage: production dependencies only; TypeScript runs through tsx, as `npm start` does.
FROM node:22-bookworm-slim
ENV HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY schema ./schema
COPY seed ./seed
COPY src ./src
COPY --from=build /app/explorer/dist ./explorer/dist
# Where a local admin key is written when no credentials are configured (a named volume).
RUN mkdir -p .liaison && chown node:node .liaison
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "src/main.ts"]
