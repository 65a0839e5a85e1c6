# archcheck's CLI as a container image, for CI systems other than GitHub Actions (GitLab CI, Jenkins, Tekton).
# Build: docker build -t archcheck .    Run: docker run --rm -v "$PWD:/work" archcheck --arch amd64,arm64 .
FROM node:24-alpine3.21
# kubectl builds kustomizations (`kubectl kustomize`), helm renders charts; both are optional at run time.
RUN apk add --no-cache kubectl helm
COPY dist/cli/ /opt/archcheck/
COPY schema/ /opt/archcheck/schema/
USER node
WORKDIR /work
ENTRYPOINT ["node", "/opt/archcheck/index.js"]
