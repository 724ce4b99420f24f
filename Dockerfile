FROM node:24-bookworm-slim
WORKDIR /app
COPY . .
# npm ci trips over optional platform binaries missing from npm 11 lockfiles (see .ci/run).
RUN (npm ci --no-audit --no-fund || npm install --no-audit --no-fund) && npm run build && npm prune --omit=dev --ignore-scripts
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
