# Build stage: compiles TypeScript and builds better-sqlite3's native module (the embedded SQLite store),
# which needs python3, make and g++ when no prebuilt binary can be fetched.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# Node's own headers, so node-gyp builds offline instead of downloading them.
ENV npm_config_nodedir=/usr/local
WORKDIR /app
COPY package.json package-lock.json ./
# package.json `allowScripts` lets npm run better-sqlite3's install script (npm 11 blocks dependency scripts otherwise).
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends chromium ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production EARSHOT_CONFIG=/app/config/earshot.yaml
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["worker"]
