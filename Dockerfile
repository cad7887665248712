FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends chromium ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production EARSHOT_CONFIG=/app/config/earshot.yaml
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["worker"]
