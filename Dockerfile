FROM node:24-bookworm-slim
# Chromium renders the PDF reports (PUPPETEER_EXECUTABLE_PATH defaults to /usr/bin/chromium); fonts for their text.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev --ignore-scripts
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
